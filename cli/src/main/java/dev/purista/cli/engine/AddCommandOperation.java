package dev.purista.cli.engine;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.generate.CommandSkeleton;
import dev.purista.cli.generate.ProjectLayout;
import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.HttpRoute;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.naming.NameRules;
import java.util.List;

/** Adds a command: handler, records and test (user-owned), and the regenerated wiring that registers it. */
final class AddCommandOperation {
  private AddCommandOperation() {
  }

  static ProjectChange change(ProjectModel model, AddCommandRequest request) {
    String name = NameRules.commandName(request.name());
    ServiceModel service = ServiceResolver.resolve(model, request.service(), request.serviceVersion());
    service.functionClashingWith(name).ifPresent(existing -> {
      throw new BadInputException("service " + service.label() + " already has a command or subscription named '"
          + existing + "'", "choose another name, or see 'purista list'");
    });
    if (request.publicRoute() && request.http() == null) {
      throw new BadInputException("--public marks an HTTP route public, but the command has no --http route",
          "add --http METHOD:PATH, or leave out --public");
    }
    HttpRoute http = request.http() == null ? null : HttpRoute.parse(request.http());
    if (http != null) {
      if (request.publicRoute()) {
        http = http.asPublic();
      }
      for (CommandModel other : service.commands()) {
        if (other.http() != null && http.sameRouteAs(other.http())) {
          throw new BadInputException("command " + other.name() + " of service " + service.label()
              + " is already exposed as " + http, "choose another method or path");
        }
      }
    }
    String emits = request.emits() == null ? null : EventNames.check(model, request.emits());
    CommandModel command = new CommandModel(name, NameRules.description(request.description()), http, emits);
    ServiceModel updated = service.withCommand(command);

    ProjectLayout layout = new ProjectLayout(model.project().basePackage());
    return new ProjectChange(model.withServiceReplaced(updated),
        CommandSkeleton.files(layout, updated, command, null),
        ProjectLayout.mainSource(layout.commandHandler(updated, command)), List.of());
  }
}
