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

  List<ProposedFile> emit(ProjectLayout layout, ProjectModel model, TargetModel target, TemplateRenderer renderer);

  /**
   * Everything of the model {@link #emit} reads, as a value that is equal for two models exactly when the
   * files of both are the same: a change that leaves it equal does not rewrite them.
   */
  default Object inputs(ProjectModel model, TargetModel target) {
    return List.of(model.project(), model.options(), target, BootstrapCode.serviceKeys(model));
  }
}
