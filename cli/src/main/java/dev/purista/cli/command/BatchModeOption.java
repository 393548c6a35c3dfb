package dev.purista.cli.command;

import picocli.CommandLine.Model.OptionSpec;

/** {@code -B/--batch-mode}: never prompt, as in Maven. Without a terminal the CLI never prompts anyway. */
final class BatchModeOption {
  private final OptionSpec option = CommandSpecBuilder.flag(
      "Never prompt; a missing required value is a usage error (exit 2).", "-B", "--batch-mode");

  OptionSpec option() {
    return option;
  }

  boolean batchMode() {
    return CommandSpecBuilder.isSet(option);
  }
}
