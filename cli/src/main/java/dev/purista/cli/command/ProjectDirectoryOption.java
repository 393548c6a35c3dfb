package dev.purista.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --directory}: which project to work on, for commands that work on an existing project. */
final class ProjectDirectoryOption {
  private final OptionSpec option = OptionSpec.builder("--directory").paramLabel("DIR").type(Path.class)
      .description("The project directory, or any directory inside it (default: the current directory).").build();

  OptionSpec option() {
    return option;
  }

  /** The directory to start looking for {@code purista.json}, relative to the run's working directory. */
  Path resolve(CliContext context) {
    Path workingDirectory = context.environment().workingDirectory();
    Path directory = option.getValue();
    return directory == null ? workingDirectory : workingDirectory.resolve(directory);
  }
}
