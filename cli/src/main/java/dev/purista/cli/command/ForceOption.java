package dev.purista.cli.command;

import picocli.CommandLine.Option;

/** {@code --force}: overwrite conflicting files. */
public final class ForceOption {
  @Option(names = "--force",
      description = "Overwrite conflicting files: regenerated files you changed, and user-owned files in the way.")
  boolean force;
}
