package dev.purista.cli.generate;

import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.TargetKind;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.util.List;
import java.util.Map;

/** Renders {@code targets/pom.xml}, which lists one module per target of the model, in {@link TargetKind} order. */
final class TargetsAggregator {
  static final String TEMPLATE = "targets/pom.xml";

  private TargetsAggregator() {
  }

  static ProposedFile render(TemplateRenderer renderer, ProjectModel model) {
    Map<String, Object> variables = TemplateFiles.projectVariables(model);
    variables.put("targets", inputs(model).stream().map(name -> Map.of("name", name)).toList());
    return TemplateFiles.render(renderer, TEMPLATE, model, variables);
  }

  /** The target names it lists: what it is made from besides the coordinates. */
  static List<String> inputs(ProjectModel model) {
    List<String> names = model.targets().stream().map(TargetModel::name).toList();
    return TargetKind.names().stream().filter(names::contains).toList();
  }
}
