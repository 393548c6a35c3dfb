package dev.purista.cli.generate;

import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.plan.Ownership;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateEntry;
import dev.purista.cli.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The non-Java files of a project (pom, README, .gitignore), rendered from the manifest's {@code project}
 * templates with the project's coordinates and the CLI's version catalog.
 */
public final class ProjectFiles {
  public static final String TEMPLATE_GROUP = "project";

  private ProjectFiles() {
  }

  public static List<ProposedFile> render(TemplateRenderer renderer, ProjectModel model, VersionCatalog versions) {
    Map<String, Object> variables = variables(model, versions);
    List<ProposedFile> files = new ArrayList<>();
    for (TemplateEntry entry : renderer.manifest().group(TEMPLATE_GROUP)) {
      Map<String, Object> declared = new TreeMap<>();
      for (String name : entry.variables()) {
        if (!variables.containsKey(name)) {
          throw new IllegalStateException("template " + entry.name() + " declares the unknown variable " + name);
        }
        declared.put(name, variables.get(name));
      }
      files.add(new ProposedFile(entry.target(), renderer.render(entry, declared),
          Ownership.valueOf(entry.ownership())));
    }
    return files;
  }

  /** Everything a project template may use; each template gets the subset its manifest entry declares. */
  static Map<String, Object> variables(ProjectModel model, VersionCatalog versions) {
    Map<String, Object> variables = new TreeMap<>();
    variables.put("projectName", model.project().name());
    variables.put("groupId", model.project().groupId());
    variables.put("artifactId", model.project().artifactId());
    variables.put("projectVersion", model.project().version());
    variables.put("basePackage", model.project().basePackage());
    variables.put("basePackagePath", model.project().basePackage().replace('.', '/'));
    variables.put("javaRelease", model.options().javaRelease());
    variables.put("puristaVersion", versions.purista());
    variables.put("junitVersion", versions.junit());
    variables.put("slf4jVersion", versions.slf4j());
    for (String plugin : List.of("clean", "resources", "compiler", "surefire", "jar", "shade", "install", "deploy",
        "site", "exec")) {
      variables.put(plugin + "PluginVersion", versions.plugin(plugin));
    }
    return variables;
  }
}
