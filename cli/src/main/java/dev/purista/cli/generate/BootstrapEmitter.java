package dev.purista.cli.generate;

import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ProposedFile;
import java.util.List;

/**
 * Emits the bootstrap of one deployment target: the only code that differs between a monolith, a
 * microservice, a Lambda function and an edge process. One implementation per target.
 */
interface BootstrapEmitter {

  /** The target name this emitter serves, as in {@code purista.json}'s {@code targets}. */
  String target();

  List<ProposedFile> emit(ProjectLayout layout, ProjectModel model, TargetModel target);

  /**
   * Everything of the model {@link #emit} reads, as a value that is equal for two models exactly when the
   * bootstrap of both is the same: a change that leaves it equal does not rewrite the bootstrap.
   */
  Object inputs(ProjectModel model, TargetModel target);
}
