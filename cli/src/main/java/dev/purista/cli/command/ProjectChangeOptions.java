package dev.purista.cli.command;

import dev.purista.cli.engine.WriteMode;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options every {@code add} command shares: which project ({@code --directory}), whether it may prompt
 * ({@code -B}), and how it writes ({@code --dry-run}, {@code --force}). One place, so that the commands that
 * change a project cannot drift apart in what they accept.
 */
final class ProjectChangeOptions {
  private final ProjectDirectoryOption project = new ProjectDirectoryOption();
  private final BatchModeOption batch = new BatchModeOption();
  private final DryRunOption dryRun = new DryRunOption();
  private final ForceOption force = new ForceOption();

  /** Adds the four options, in the order the help lists them. */
  CommandSpecBuilder addTo(CommandSpecBuilder command) {
    return command.option(project.option())
        .option(batch.option())
        .option(dryRun.option())
        .option(force.option());
  }

  Path projectDirectory(CliContext context) {
    return project.resolve(context);
  }

  boolean batchMode() {
    return batch.batchMode();
  }

  WriteMode writeMode() {
    return new WriteMode(dryRun.dryRun(), force.force());
  }

  /** Runs {@code change} in the {@link ProjectChangeFlow} on the project these options name. */
  int run(CliContext context, CommandSpec spec, ProjectChangeFlow.Change change) {
    return ProjectChangeFlow.run(context, project.resolve(context), batch.batchMode(), spec, change);
  }
}
