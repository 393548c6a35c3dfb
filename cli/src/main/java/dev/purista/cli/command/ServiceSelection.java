package dev.purista.cli.command;

import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import java.util.List;

/**
 * The service a new command or subscription goes to, asked for when missing and a person can answer, with
 * the project's services as choices. Whether the answer exists is the engine's call, as for any input.
 */
record ServiceSelection(String name, String version) {

  static ServiceSelection resolve(Prompter prompter, ProjectModel model, String name, String version) {
    List<String> names = model.services().stream().map(ServiceModel::name).distinct().toList();
    String service = prompter.require(name, "option: '--service=SERVICE'", "Service", names);
    String chosenVersion = version;
    if (chosenVersion == null && prompter.canAsk()) {
      List<String> versions = model.serviceVersions(service).stream().map(ServiceModel::version).toList();
      if (versions.size() > 1) {
        chosenVersion = prompter.require(null, "option: '--service-version=N'", "Version of service " + service,
            versions);
      }
    }
    return new ServiceSelection(service, chosenVersion);
  }
}
