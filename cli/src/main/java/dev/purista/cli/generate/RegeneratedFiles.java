package dev.purista.cli.generate;

import dev.purista.cli.failure.OperationFailedException;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ContentHash;
import dev.purista.cli.plan.Output;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    ProjectLayout layout = new ProjectLayout(model.project().basePackage());
    List<ProposedFile> files = new ArrayList<>();
    files.add(ServiceEventsEmitter.emit(layout, model));
    for (ServiceModel service : model.services()) {
      files.addAll(serviceFiles(layout, service));
    }
    for (TargetModel target : model.targets()) {
      files.addAll(bootstrap(target).emit(layout, model, target));
    }
    files.add(ServiceCatalog.render(renderer, model));
    return files;
  }

  /**
   * The regenerated files a change from {@code before} to {@code after} can alter, so that a change costs what it
   * touches rather than what the project holds: the wiring and client of each service that is new or changed
   * (they depend on their own service only), the event constants and each bootstrap when what they are made from
   * changed (see their {@code inputs}), and the service catalog, which shows everything. The files of untouched
   * services are neither rendered nor read. The event constants are rebuilt from their current text in
   * {@code current} when it is still what was recorded for {@code before}, so that only the constants the change
   * alters are rendered. In the order of {@link #all}, with the same bytes.
   */
  public static List<ProposedFile> changedBy(ProjectModel before, ProjectModel after, TemplateRenderer renderer,
      Output current) {
    ProjectLayout layout = new ProjectLayout(after.project().basePackage());
    List<ProposedFile> files = new ArrayList<>();
    Map<String, String> eventInputs = ServiceEventsEmitter.inputs(before);
    if (!eventInputs.equals(ServiceEventsEmitter.inputs(after))) {
      String path = ProjectLayout.mainSource(layout.serviceEvents());
      files.add(ServiceEventsEmitter.emitChanged(layout, eventInputs, after, asRecorded(current, path, before)));
    }
    Set<ServiceModel> unchanged = new HashSet<>(before.services());
    for (ServiceModel service : after.services()) {
      if (!unchanged.contains(service)) {
        files.addAll(serviceFiles(layout, service));
      }
    }
    for (TargetModel target : after.targets()) {
      BootstrapEmitter emitter = bootstrap(target);
      if (!before.targets().contains(target)
          || !emitter.inputs(before, target).equals(emitter.inputs(after, target))) {
        files.addAll(emitter.emit(layout, after, target));
      }
    }
    files.add(ServiceCatalog.render(renderer, after));
    return files;
  }

  /** The file's text if its hash is the one recorded in {@code model}: then it is what purista wrote from it. */
  private static Optional<String> asRecorded(Output current, String path, ProjectModel model) {
    String recorded = model.generatedFiles().get(path);
    if (recorded == null) {
      return Optional.empty();
    }
    try {
      return current.read(path).filter(text -> ContentHash.of(text).equals(recorded));
    } catch (IOException e) {
      // Only a shortcut is lost: the planner reads the file again and reports the problem.
      return Optional.empty();
    }
  }

  private static List<ProposedFile> serviceFiles(ProjectLayout layout, ServiceModel service) {
    return List.of(ServiceDefinitionEmitter.emit(layout, service), ServiceClientEmitter.emit(layout, service));
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
