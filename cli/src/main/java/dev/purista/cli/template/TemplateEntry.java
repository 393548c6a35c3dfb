package dev.purista.cli.template;

import java.util.List;

/**
 * One template of the manifest.
 *
 * @param name the template's name; its file is {@code <name>.mustache} under {@code templates/} (bundled) or
 *     {@code .purista/templates/} (project override)
 * @param group the set of files it belongs to, such as {@code project} for what {@code new project} writes
 * @param target the project-relative path of the file it renders
 * @param ownership {@code USER_OWNED} (written once) or {@code REGENERATED}
 * @param description what the file is for
 * @param variables every variable the template may use; rendering provides exactly these
 */
public record TemplateEntry(String name, String group, String target, String ownership, String description,
    List<String> variables) {
  public TemplateEntry {
    variables = List.copyOf(variables == null ? List.of() : variables);
  }

  /** The template file name under a templates directory. */
  public String fileName() {
    return name + ".mustache";
  }
}
