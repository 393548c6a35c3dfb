package dev.purista.cli.command;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/** The root command: {@code purista}. It only groups the subcommands, which {@link CommandTree} lists. */
final class PuristaCmd {
  private final CommandSpec spec;

  PuristaCmd(CliContext context) {
    this.spec = CommandSpecBuilder.command("purista", this)
        .description(
            "Creates and grows purista projects: event-driven services whose commands and subscriptions run as a "
                + "monolith today and as separate processes later, with only the bootstrap changing.",
            "",
            "Exit codes: 0 ok, 1 failure, 2 bad usage or input, 3 conflict.")
        .examples(
            "  purista new project shop --group-id com.example",
            "  cd shop && purista add service user && purista build")
        // Inherited: valid before or after any subcommand, as users add it to the line that just failed.
        .option(OptionSpec.builder("-x", "--stacktrace").type(boolean.class).initialValue(false)
            .scopeType(ScopeType.INHERIT).description("Print the stack trace of an error (for bug reports).").build())
        .standardHelpOptions(new VersionProvider(context))
        .build();
  }

  CommandSpec spec() {
    return spec;
  }
}
