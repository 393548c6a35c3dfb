package dev.purista.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --directory}: which project to work on, for commands that work on an existing project. */
public final class ProjectDirectoryOption {
  @Option(names = "--directory", paramLabel = "DIR",
      description = "The project directory, or any directory inside it (default: the current directory).")
  Path directory;

  /** The directory to start looking for {@code purista.json}, relative to the run's working directory. */
  Path resolve(CliContext context) {
    Path workingDirectory = context.environment().workingDirectory();
    return directory == null ? workingDirectory : workingDirectory.resolve(directory);
  }
}
