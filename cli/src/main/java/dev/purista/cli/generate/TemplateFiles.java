package dev.purista.cli.generate;

import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.plan.Ownership;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateEntry;
import dev.purista.cli.template.TemplateRenderer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders one manifest template into a file of the plan, with the subset of {@code variables} its entry declares.
 * A manifest target may name a variable in braces, such as {@code {artifactId}} for the edge launcher or
 * {@code {slug}} for one Kubernetes file per service.
 */
final class TemplateFiles {
  private TemplateFiles() {
  }

  static ProposedFile render(TemplateRenderer renderer, String name, ProjectModel model, Map<String, ?> variables) {
    TemplateEntry entry = renderer.manifest().entry(name)
        .orElseThrow(() -> new IllegalStateException("the manifest lacks " + name));
    Map<String, Object> declared = new TreeMap<>();
    for (String variable : entry.variables()) {
      if (!variables.containsKey(variable)) {
        throw new IllegalStateException("template " + name + " declares the variable " + variable
            + ", which its emitter does not provide");
      }
      declared.put(variable, variables.get(variable));
    }
    String path = entry.target();
    for (Map.Entry<String, ?> variable : variables.entrySet()) {
      path = path.replace("{" + variable.getKey() + "}", String.valueOf(variable.getValue()));
    }
    return new ProposedFile(path, renderer.render(entry, declared), Ownership.valueOf(entry.ownership()));
  }

  /** What every target template may use: the project's coordinates and Java release. */
  static Map<String, Object> projectVariables(ProjectModel model) {
    Map<String, Object> variables = new TreeMap<>();
    variables.put("projectName", model.project().name());
    variables.put("groupId", model.project().groupId());
    variables.put("artifactId", model.project().artifactId());
    variables.put("projectVersion", model.project().version());
    variables.put("javaRelease", model.options().javaRelease());
    return variables;
  }
}
