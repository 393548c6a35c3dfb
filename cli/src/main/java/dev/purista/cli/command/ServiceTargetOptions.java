package dev.purista.cli.command;

import dev.purista.cli.model.ProjectModel;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --service} and {@code --service-version}, which every command that adds something to a service takes:
 * declared, added to the command and resolved (with a prompt on a terminal) in one place.
 */
final class ServiceTargetOptions {
  private final OptionSpec service;
  private final OptionSpec version = CommandSpecBuilder.valueOption("--service-version", "N",
      "The service version; needed only when the service has several.");

  /** {@code serviceDescription}: what the service is to this command, such as "The service to add it to." */
  ServiceTargetOptions(String serviceDescription) {
    this.service = CommandSpecBuilder.valueOption("--service", "SERVICE", serviceDescription);
  }

  CommandSpecBuilder addTo(CommandSpecBuilder command) {
    return command.option(service).option(version);
  }

  /** The service and version the options (or the user's answers) name. */
  ServiceSelection resolve(Prompter prompter, ProjectModel model) {
    return ServiceSelection.resolve(prompter, model, service.getValue(), version.getValue());
  }
}
