package dev.purista.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code purista new}: groups what can be created from nothing. */
@Command(name = "new",
    description = "Creates something new.",
    subcommands = NewProjectCmd.class,
    footerHeading = "%nExample:%n",
    footer = "  purista new project shop --group-id com.example")
final class NewCmd {
  @Mixin
  HelpOption help;
}
