package dev.purista.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: {@code purista}. It only groups the subcommands. */
@Command(name = "purista",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Creates and grows purista projects: event-driven services whose commands and subscriptions run as a "
            + "monolith today and as separate processes later, with only the bootstrap changing.",
        "",
        "Exit codes: 0 ok, 1 failure, 2 bad usage or input, 3 conflict."},
    subcommands = {
        NewCmd.class, AddCmd.class, RegenerateCmd.class, ListCmd.class, BuildCmd.class, CompletionCmd.class,
        HelpCommand.class},
    footerHeading = "%nExample:%n",
    footer = {
        "  purista new project shop --group-id com.example",
        "  cd shop && purista add service user && purista build"})
public final class PuristaCmd {

  @Option(names = {"-x", "--stacktrace"}, scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error (for bug reports).")
  boolean stacktrace;
}
