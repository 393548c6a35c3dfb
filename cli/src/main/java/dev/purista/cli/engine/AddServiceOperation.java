package dev.purista.cli.engine;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.generate.ProjectLayout;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.naming.NameRules;
import java.util.List;
import java.util.Locale;

/** Adds a service version: its wiring and client are regenerated files; it has no user-owned files yet. */
final class AddServiceOperation {
  static final String DEFAULT_VERSION = "1";

  private AddServiceOperation() {
  }

  static ProjectChange change(ProjectModel model, AddServiceRequest request) {
    String name = NameRules.serviceName(request.name());
    String version = NameRules.serviceVersion(request.version() != null ? request.version() : DEFAULT_VERSION);
    String description = NameRules.description(request.description());
    if (model.service(name, version).isPresent()) {
      throw new BadInputException("service " + name + " v" + version + " already exists",
          "add a new version with --version, or see 'purista list'");
    }
    for (ServiceModel existing : model.services()) {
      boolean samePackage = existing.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
      if (samePackage && !existing.name().equals(name)) {
        throw new BadInputException("service '" + name + "' clashes with the existing service '" + existing.name()
            + "': both would live in the package " + name.toLowerCase(Locale.ROOT), "choose another name");
      }
    }
    ServiceModel service = ServiceModel.of(name, version, description);
    ProjectLayout layout = new ProjectLayout(model.project().basePackage());
    return new ProjectChange(model.withService(service), List.of(),
        ProjectLayout.mainSource(layout.serviceClass(service)), List.of());
  }
}
