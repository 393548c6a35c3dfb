package dev.purista.cli.generate;

import dev.purista.cli.failure.OperationFailedException;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every regenerated file of a project, computed from the model (and the templates): the event constants, each
 * service's wiring and typed client, one bootstrap per target, and the service catalog. Same model, same
 * templates, same bytes.
 */
public final class RegeneratedFiles {
  private static final Map<String, BootstrapEmitter> BOOTSTRAPS =
      Map.of(TargetModel.MONOLITH, new MonolithBootstrapEmitter());

  private RegeneratedFiles() {
  }

  public static List<ProposedFile> of(ProjectModel model, TemplateRenderer renderer) {
    ProjectLayout layout = new ProjectLayout(model.project().basePackage());
    List<ProposedFile> files = new ArrayList<>();
    files.add(ServiceEventsEmitter.emit(layout, model));
    for (ServiceModel service : model.services()) {
      files.add(ServiceDefinitionEmitter.emit(layout, service));
      files.add(ServiceClientEmitter.emit(layout, service));
    }
    for (TargetModel target : model.targets()) {
      BootstrapEmitter emitter = BOOTSTRAPS.get(target.name());
      if (emitter == null) {
        throw new OperationFailedException("this purista CLI cannot generate the bootstrap of target '"
            + target.name() + "' yet", "update the CLI, or remove the target from purista.json", null);
      }
      files.addAll(emitter.emit(layout, model, target));
    }
    files.add(ServiceCatalog.render(renderer, model));
    return files;
  }
}
