package dev.purista.cli.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRendererTest {
  @TempDir
  Path project;

  private void override(String fileName, String text) throws IOException {
    Path file = project.resolve(TemplateRenderer.OVERRIDE_DIRECTORY).resolve(fileName);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void aProjectTemplateOverridesTheBundledOne() throws IOException {
    override("project/gitignore.mustache", "# ours\n{{extra}}\n");
    TemplateEntry entry = new TemplateEntry("project/gitignore", "project", ".gitignore", "USER_OWNED", "",
        List.of("extra"));
    assertEquals("# ours\nbuild/\n", TemplateRenderer.forProject(project).render(entry, Map.of("extra", "build/")));
    assertTrue(TemplateRenderer.bundled().render(entry, Map.of("extra", "build/")).contains("target/"),
        "without an override the bundled template renders");
  }

  @Test
  void aMissingVariableFailsTheRenderAndNamesTheTemplateAndTheVariable() throws IOException {
    override("project/gitignore.mustache", "{{target}}\n{{typo}}\n");
    TemplateRenderException e = assertThrows(TemplateRenderException.class,
        () -> TemplateRenderer.forProject(project).render("project/gitignore.mustache", Map.of("target", "x")));
    assertEquals(".purista/templates/project/gitignore.mustache uses the variable {{typo}}, which is not provided",
        e.getMessage().substring("template ".length()));
    assertTrue(e.hint().orElseThrow().contains("[target]"));
    assertEquals(ExitCode.FAILURE, e.exitCode());
  }

  @Test
  void aMissingSectionIsAMissingVariableToo() throws IOException {
    override("x.mustache", "{{#items}}{{name}}{{/items}}");
    assertThrows(TemplateRenderException.class,
        () -> TemplateRenderer.forProject(project).render("x.mustache", Map.of()));
    assertEquals("ab", TemplateRenderer.forProject(project).render("x.mustache",
        Map.of("items", List.of(Map.of("name", "a"), Map.of("name", "b")))));
  }

  @Test
  void valuesAreNotHtmlEscaped() throws IOException {
    override("x.mustache", "{{value}}");
    assertEquals("<a & 'b' = \"c\">", TemplateRenderer.forProject(project).render("x.mustache",
        Map.of("value", "<a & 'b' = \"c\">")));
  }

  @Test
  void aMalformedTemplateFailsWithItsName() throws IOException {
    override("x.mustache", "{{#open}} never closed");
    TemplateRenderException e = assertThrows(TemplateRenderException.class,
        () -> TemplateRenderer.forProject(project).render("x.mustache", Map.of("open", true)));
    assertTrue(e.getMessage().contains("x.mustache"), e.getMessage());
  }

  @Test
  void anUnknownTemplateFails() {
    assertThrows(TemplateRenderException.class, () -> TemplateRenderer.bundled().render("nope.mustache", Map.of()));
  }

  @Test
  void renderingIsDeterministic() {
    TemplateRenderer renderer = TemplateRenderer.bundled();
    TemplateEntry readme = renderer.manifest().entry("project/README.md").orElseThrow();
    Map<String, Object> variables = Map.of("projectName", "shop", "artifactId", "shop", "projectVersion", "1",
        "basePackagePath", "com/example/shop", "basePackage", "com.example.shop", "puristaVersion", "9");
    assertEquals(renderer.render(readme, variables), TemplateRenderer.bundled().render(readme, variables));
  }
}
