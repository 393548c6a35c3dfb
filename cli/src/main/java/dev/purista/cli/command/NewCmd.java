package dev.purista.cli.command;

import picocli.CommandLine.Model.CommandSpec;

/** {@code purista new}: groups what can be created from nothing (see {@link CommandTree}). */
final class NewCmd {
  private final CommandSpec spec = CommandSpecBuilder.command("new", this)
      .description("Creates something new.")
      .examples("  purista new project shop --group-id com.example")
      .helpOption()
      .build();

  CommandSpec spec() {
    return spec;
  }
}
