package dev.purista.cli.command;

import picocli.CommandLine.Model.OptionSpec;

/** {@code --force}: overwrite conflicting files. */
final class ForceOption {
  private final OptionSpec option = CommandSpecBuilder.flag(
      "Overwrite conflicting files: regenerated files you changed, and user-owned files in the way.", "--force");

  OptionSpec option() {
    return option;
  }

  boolean force() {
    return CommandSpecBuilder.isSet(option);
  }
}
