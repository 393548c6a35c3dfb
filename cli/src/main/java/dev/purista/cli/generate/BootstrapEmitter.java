package dev.purista.cli.generate;

import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.util.List;

/**
 * Emits the module of one deployment target: its bootstrap, the only code that differs between a monolith, a
 * microservice, a Lambda function and an edge process, and its build. One implementation per target.
 */
interface BootstrapEmitter {

  /** The target name this emitter serves, as in {@code purista.json}'s {@code targets}. */
  String target();

  /** The files made from the services: the bootstrap code, and deployment files that list the services. */
  List<ProposedFile> code(ProjectLayout layout, ProjectModel model, TargetModel target, TemplateRenderer renderer);

  /** The files made from the coordinates and the target alone: the module's pom, scripts, images. */
  List<ProposedFile> build(ProjectLayout layout, ProjectModel model, TargetModel target, TemplateRenderer renderer);

  /**
   * Everything of the model {@link #code} reads, as a value that is equal for two models exactly when the
   * files of both are the same: a change that leaves it equal does not rewrite them. {@link #build} reads the
   * project, its options and the target only.
   */
  default Object inputs(ProjectModel model, TargetModel target) {
    return List.of(model.project(), model.options(), target, BootstrapCode.serviceKeys(model));
  }
}
