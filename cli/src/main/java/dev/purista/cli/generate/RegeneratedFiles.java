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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The regenerated files of a project, computed from the model (and the templates): each service's wiring, typed
 * client, event constants and queues, the targets aggregator and its README (how to build, run and deploy each
 * target), one module (bootstrap, build, deployment files) per target, and the service catalog (an index and a
 * page per service). Same model, same templates, same bytes.
 */
public final class RegeneratedFiles {
  private static final Map<String, BootstrapEmitter> BOOTSTRAPS = Stream.of(new MonolithBootstrapEmitter(),
          new MicroserviceBootstrapEmitter(), new LambdaBootstrapEmitter(), new EdgeBootstrapEmitter())
      .collect(Collectors.toUnmodifiableMap(BootstrapEmitter::target, emitter -> emitter));

  private RegeneratedFiles() {
  }

  /** Every regenerated file: for a new project, and for {@code purista regenerate}. */
  public static List<ProposedFile> all(ProjectModel model, TemplateRenderer renderer) {
    ProjectLayout layout = new ProjectLayout(model.project().basePackage());
    List<ProposedFile> files = new ArrayList<>();
    for (ServiceModel service : model.services()) {
      files.addAll(serviceFiles(layout, model, service));
    }
    files.add(TargetsAggregator.render(renderer, model));
    files.add(TargetsReadme.render(renderer, model, layout));
    for (TargetModel target : model.targets()) {
      BootstrapEmitter emitter = bootstrap(target);
      files.addAll(emitter.code(layout, model, target, renderer));
      files.addAll(emitter.build(layout, model, target, renderer));
    }
    files.addAll(ServiceCatalog.all(renderer, model));
    return files;
  }

  /**
   * The regenerated files a change from {@code before} to {@code after} can alter, so that a change costs what it
   * touches rather than what the project holds: the wiring, client and event constants of each service that is
   * new or changed (they depend on their own service only), the targets README when what it names changed, each
   * bootstrap when what it is made from changed (see its {@code inputs}), and the pages of the service catalog
   * whose content changed (see {@link ServiceCatalog#changedBy}). The files of untouched services are neither
   * rendered nor read. In the order of {@link #all}, with the same bytes.
   */
  public static List<ProposedFile> changedBy(ProjectModel before, ProjectModel after, TemplateRenderer renderer) {
    ProjectLayout layout = new ProjectLayout(after.project().basePackage());
    List<ProposedFile> files = new ArrayList<>();
    Set<ServiceModel> unchanged = new HashSet<>(before.services());
    for (ServiceModel service : after.services()) {
      if (!unchanged.contains(service)) {
        files.addAll(serviceFiles(layout, after, service));
      }
    }
    if (!before.project().equals(after.project())
        || !TargetsAggregator.inputs(before).equals(TargetsAggregator.inputs(after))) {
      files.add(TargetsAggregator.render(renderer, after));
    }
    ProjectLayout layoutBefore = new ProjectLayout(before.project().basePackage());
    if (!TargetsReadme.inputs(before, layoutBefore).equals(TargetsReadme.inputs(after, layout))) {
      files.add(TargetsReadme.render(renderer, after, layout));
    }
    for (TargetModel target : after.targets()) {
      BootstrapEmitter emitter = bootstrap(target);
      boolean newTarget = !before.targets().contains(target);
      if (newTarget || !emitter.inputs(before, target).equals(emitter.inputs(after, target))) {
        files.addAll(emitter.code(layout, after, target, renderer));
      }
      if (newTarget || !before.project().equals(after.project()) || !before.options().equals(after.options())) {
        files.addAll(emitter.build(layout, after, target, renderer));
      }
    }
    files.addAll(ServiceCatalog.changedBy(renderer, before, after));
    return files;
  }

  /**
   * A service's wiring, client, event constants and, when it declares queues, its queues class. The wiring of a
   * worker on another service's queue refers to that service's queues class, which never moves once written, so
   * the files of a service still change only when the service does.
   */
  private static List<ProposedFile> serviceFiles(ProjectLayout layout, ProjectModel model, ServiceModel service) {
    List<ProposedFile> files = new ArrayList<>(List.of(ServiceDefinitionEmitter.emit(layout, model, service),
        ServiceClientEmitter.emit(layout, service), ServiceEventsEmitter.emit(layout, service)));
    if (!service.queues().isEmpty()) {
      files.add(ServiceQueuesEmitter.emit(layout, service));
    }
    return files;
  }

  private static BootstrapEmitter bootstrap(TargetModel target) {
    BootstrapEmitter emitter = BOOTSTRAPS.get(target.name());
    if (emitter == null) {
      throw new OperationFailedException("this purista CLI cannot generate the bootstrap of target '"
          + target.name() + "' yet", "update the CLI, or remove the target from purista.json", null);
    }
    return emitter;
  }
}
