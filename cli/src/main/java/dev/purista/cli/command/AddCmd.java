package dev.purista.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code purista add}: groups what can be added to a project. */
@Command(name = "add",
    description = "Adds a service, a command or a subscription to the project.",
    subcommands = {AddServiceCmd.class, AddCommandCmd.class, AddSubscriptionCmd.class},
    footerHeading = "%nExample:%n",
    footer = "  purista add command signUp --service user --http POST:users --emits user.signedUp")
final class AddCmd {
  @Mixin
  HelpOption help;
}
