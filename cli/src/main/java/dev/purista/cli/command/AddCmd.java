package dev.purista.cli.command;

import picocli.CommandLine.Model.CommandSpec;

/** {@code purista add}: groups what can be added to a project (see {@link CommandTree}). */
final class AddCmd {
  private final CommandSpec spec = CommandSpecBuilder.command("add", this)
      .description("Adds a service, a command, a subscription, a queue or a queue worker to the project.")
      .examples("  purista add command signUp --service user --http POST:users --emits user.signedUp")
      .helpOption()
      .build();

  CommandSpec spec() {
    return spec;
  }
}
