package dev.purista.cli.engine;

import dev.purista.cli.generate.ProjectLayout;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.TargetKind;
import java.util.List;

/** Adds or changes deployment targets; their modules are regenerated files, so it has no user-owned files. */
final class GenBootstrapOperation {
  private GenBootstrapOperation() {
  }

  static ProjectChange change(ProjectModel model, GenBootstrapRequest request) {
    List<TargetKind> kinds = TargetSelection.kinds(List.of(request.target()));
    ProjectModel updated = TargetSelection.apply(model, kinds, request.bridge(), request.services());
    return new ProjectChange(updated, List.of(), ProjectLayout.targetModule(kinds.get(0).targetName()) + "pom.xml",
        List.of());
  }
}
