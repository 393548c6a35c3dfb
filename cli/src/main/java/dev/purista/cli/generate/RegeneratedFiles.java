package dev.purista.cli.generate;

import dev.purista.cli.failure.OperationFailedException;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The regenerated files of a project, computed from the model (and the templates): the event constants, each
 * service's wiring and typed client, one bootstrap per target, and the service catalog. Same model, same
 * templates, same bytes.
 */
public final class RegeneratedFiles {
  private static final Map<String, BootstrapEmitter> BOOTSTRAPS =
      Map.of(TargetModel.MONOLITH, new MonolithBootstrapEmitter());

  private RegeneratedFiles() {
  }

  /** Every regenerated file: for a new project, and for {@code purista regenerate}. */
  public static List<ProposedFile> all(ProjectModel model, TemplateRenderer renderer) {
    return select(model, renderer, service -> true);
  }

  /**
   * The regenerated files a change from {@code before} to {@code after} can alter, so that a change costs what it
   * touches rather than what the project holds: the files generated from the whole project (event constants,
   * bootstraps, catalog; one each) and the wiring and client of each service that is new or changed. A service
   * file depends on its own service only, so the files of untouched services stay as they are, neither rendered
   * nor read.
   */
  public static List<ProposedFile> changedBy(ProjectModel before, ProjectModel after, TemplateRenderer renderer) {
    Set<ServiceModel> unchanged = new HashSet<>(before.services());
    return select(after, renderer, service -> !unchanged.contains(service));
  }

  private static List<ProposedFile> select(ProjectModel model, TemplateRenderer renderer,
      Predicate<ServiceModel> regenerateService) {
    ProjectLayout layout = new ProjectLayout(model.project().basePackage());
    List<ProposedFile> files = new ArrayList<>();
    files.add(ServiceEventsEmitter.emit(layout, model));
    for (ServiceModel service : model.services()) {
      if (regenerateService.test(service)) {
        files.add(ServiceDefinitionEmitter.emit(layout, service));
        files.add(ServiceClientEmitter.emit(layout, service));
      }
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
