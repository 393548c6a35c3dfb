package dev.purista.cli.generate;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.plan.ProposedFile;
import java.util.List;

/**
 * Keeps every path a change writes short enough for the file systems projects are checked out on. Windows
 * limits a whole path to 260 characters (MAX_PATH, with the drive and a terminating NUL); 190 characters within
 * the project leave 69 for the directory holding it, such as {@code C:\Users\someone\IdeaProjects\shop\}. Each
 * name is limited on its own too (see {@link dev.purista.cli.naming.NameRules#MAX_NAME}); this catches the
 * combinations, such as a long base package with long names.
 */
public final class PathBudget {
  /** The longest project-relative path the CLI writes. */
  public static final int MAX_PATH = 190;

  private PathBudget() {
  }

  /** Fails with exit code 2, before anything is planned or written, when a path is over the budget. */
  public static void check(List<ProposedFile> files) {
    for (ProposedFile file : files) {
      if (file.path().length() > MAX_PATH) {
        throw new BadInputException("the generated file " + file.path() + " would have a path of "
            + file.path().length() + " characters within the project; purista keeps them at " + MAX_PATH
            + " or fewer, so that the project can be checked out on Windows (260 characters for the whole path)",
            "choose shorter names, or a shorter base package");
      }
    }
  }
}
