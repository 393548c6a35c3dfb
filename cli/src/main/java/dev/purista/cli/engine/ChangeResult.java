package dev.purista.cli.engine;

import dev.purista.cli.plan.Plan;
import java.nio.file.Path;
import java.util.List;

/**
 * What a change did, or with {@code --dry-run} would do.
 *
 * @param projectRoot the project directory
 * @param plan every file and its action
 * @param written whether the plan was applied
 * @param mainFile the project-relative file the user most likely wants to open next, or {@code null}
 * @param notes remarks worth telling the user, such as an event nobody in the project emits
 */
public record ChangeResult(Path projectRoot, Plan plan, boolean written, String mainFile, List<String> notes) {
  public ChangeResult {
    notes = List.copyOf(notes);
  }
}
