package dev.purista.cli.model;

import dev.purista.cli.failure.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project a command works on: the nearest directory, from the start directory upwards, that holds a
 * {@code purista.json}, as git finds its repository. So {@code purista add} works from any sub-directory.
 */
public final class ProjectLocator {
  private ProjectLocator() {
  }

  public static Path findRoot(Path start) {
    Path absolute = start.toAbsolutePath().normalize();
    for (Path dir = absolute; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(ProjectModel.FILE_NAME))) {
        return dir;
      }
    }
    throw new BadInputException("not inside a purista project: no " + ProjectModel.FILE_NAME + " in " + absolute
        + " or any parent directory",
        "run the command inside a project, pass --directory, or create one with 'purista new project NAME'");
  }
}
