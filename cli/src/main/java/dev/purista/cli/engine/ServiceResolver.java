package dev.purista.cli.engine;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.naming.NameRules;
import java.util.List;
import java.util.stream.Collectors;

/** Finds the service a command or subscription is added to, from {@code --service} and {@code --service-version}. */
final class ServiceResolver {
  private ServiceResolver() {
  }

  static ServiceModel resolve(ProjectModel model, String name, String version) {
    if (name == null) {
      throw new BadInputException("--service is required", "name the service, such as --service user");
    }
    NameRules.serviceName(name);
    List<ServiceModel> versions = model.serviceVersions(name);
    if (versions.isEmpty()) {
      String known = model.services().isEmpty()
          ? "the project has no services yet"
          : "its services are " + model.services().stream().map(ServiceModel::label).collect(Collectors.joining(", "));
      throw new BadInputException("unknown service '" + name + "'; " + known,
          "add it with 'purista add service " + name + "', or see 'purista list'");
    }
    String available = versions.stream().map(ServiceModel::version).collect(Collectors.joining(", "));
    if (version != null) {
      NameRules.serviceVersion(version);
      return model.service(name, version).orElseThrow(() -> new BadInputException("service " + name
          + " has no version " + version + "; it has " + available, null));
    }
    if (versions.size() > 1) {
      throw new BadInputException("service " + name + " has versions " + available + "; choose one",
          "pass --service-version");
    }
    return versions.get(0);
  }
}
