package dev.purista.cli.command;

import picocli.CommandLine.Model.CommandSpec;

/** {@code purista gen}: groups what is generated from the whole project (see {@link CommandTree}). */
final class GenCmd {
  private final CommandSpec spec = CommandSpecBuilder.command("gen", this)
      .description("Generates project-wide code, such as the bootstrap and build of a deployment target.")
      .examples("  purista gen bootstrap --target all --bridge amqp")
      .helpOption()
      .build();

  CommandSpec spec() {
    return spec;
  }
}
