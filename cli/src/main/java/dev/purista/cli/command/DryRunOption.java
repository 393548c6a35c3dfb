package dev.purista.cli.command;

import picocli.CommandLine.Option;

/** {@code --dry-run}: print the plan, write nothing. */
public final class DryRunOption {
  @Option(names = "--dry-run",
      description = "Print what would be created, updated, left identical or conflict; write nothing.")
  boolean dryRun;
}
