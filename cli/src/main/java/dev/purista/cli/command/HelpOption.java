package dev.purista.cli.command;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} for subcommands. Not picocli's standard help mixin, whose {@code --version} would clash with
 * {@code add service --version}.
 */
public final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;
}
