package dev.purista.cli.command;

import picocli.CommandLine.Model.OptionSpec;

/** {@code --dry-run}: print the plan, write nothing. */
final class DryRunOption {
  private final OptionSpec option = CommandSpecBuilder.flag(
      "Print what would be created, updated, left identical or conflict; write nothing.", "--dry-run");

  OptionSpec option() {
    return option;
  }

  boolean dryRun() {
    return CommandSpecBuilder.isSet(option);
  }
}
