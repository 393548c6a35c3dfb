package dev.purista.cli.command;

import picocli.CommandLine.Option;

/** {@code -B/--batch-mode}: never prompt, as in Maven. Without a terminal the CLI never prompts anyway. */
public final class BatchModeOption {
  @Option(names = {"-B", "--batch-mode"},
      description = "Never prompt; a missing required value is a usage error (exit 2).")
  boolean batchMode;
}
