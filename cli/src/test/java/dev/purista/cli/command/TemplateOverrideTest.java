package dev.purista.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.CliRun;
import dev.purista.cli.CliRun.CliResult;
import dev.purista.cli.ExitCode;
import dev.purista.cli.ProjectTree;
import dev.purista.cli.TestProjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateOverrideTest {
  private static final String OVERRIDE = ".purista/templates/docs/services.md.mustache";

  @TempDir
  Path dir;

  Path project;

  @BeforeEach
  void createProject() {
    project = TestProjects.newProject(dir, "shop");
  }

  private void override(String template) throws IOException {
    override(OVERRIDE, template);
  }

  private void override(String path, String template) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, template);
  }

  @Test
  void aProjectTemplateReplacesTheBundledOneOnTheNextRegeneration() throws IOException {
    override("Services of {{projectName}}:\n{{#services}}- {{name}} v{{version}}\n{{/services}}");

    CliResult result = TestProjects.expectSuccess(project, "regenerate");

    assertTrue(result.out().contains("update     docs/services.md\n"), result.out());
    assertEquals("Services of shop:\n- ping v1\n", Files.readString(project.resolve("docs/services.md")));
    TestProjects.expectSuccess(project, "add", "service", "user", "-B");
    assertEquals("Services of shop:\n- ping v1\n- user v1\n", Files.readString(project.resolve("docs/services.md")));
  }

  @Test
  void anOverrideUsingAnUnknownVariableFailsAndWritesNothing() throws IOException {
    override("{{projectName}} by {{author}}\n");
    ProjectTree before = ProjectTree.of(project);

    CliResult result = CliRun.run(project, "regenerate");

    assertEquals(ExitCode.FAILURE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("error: template " + OVERRIDE + " uses the variable {{author}}, which is "
        + "not provided\nhint: the variables it can use are [hasServices, projectName, services]\n"),
        result.err());
    assertEquals(before, ProjectTree.of(project));
  }

  /**
   * What docs/cli.md promises for deployment files: a team changes them through an override, which regeneration
   * applies (to services added later too) without calling the result a conflict.
   */
  @Test
  void aDeployTemplateOverrideIsUsedOnRegenerationAndIsNoConflict() throws IOException {
    TestProjects.expectSuccess(project, "gen", "bootstrap", "--target", "microservice");
    String bundled = bundledTemplate("deploy/k8s/service.yaml.mustache");
    assertTrue(bundled.contains("  replicas: 2\n"), bundled);
    override(".purista/templates/deploy/k8s/service.yaml.mustache", bundled.replace("  replicas: 2\n", "  replicas: 5\n"));

    CliResult regenerated = TestProjects.expectSuccess(project, "regenerate");

    assertTrue(regenerated.out().contains("update     deploy/k8s/ping-v1.yaml\n"), regenerated.out());
    assertTrue(regenerated.out().contains("update     deploy/k8s/gateway.yaml\n"), regenerated.out());
    for (String file : new String[] {"deploy/k8s/ping-v1.yaml", "deploy/k8s/gateway.yaml"}) {
      String manifest = Files.readString(project.resolve(file));
      assertTrue(manifest.contains("  replicas: 5\n") && !manifest.contains("  replicas: 2\n"), file + "\n" + manifest);
    }
    TestProjects.expectSuccess(project, "add", "service", "email", "-B");
    assertTrue(Files.readString(project.resolve("deploy/k8s/email-v1.yaml")).contains("  replicas: 5\n"),
        "a service added later gets the override too");
    CliResult again = TestProjects.expectSuccess(project, "regenerate", "--dry-run");
    assertFalse(again.out().contains("conflict"), again.out());
    assertTrue(again.out().contains("identical  deploy/k8s/ping-v1.yaml\n"), again.out());
  }

  private static String bundledTemplate(String name) throws IOException {
    try (InputStream in = TemplateOverrideTest.class.getResourceAsStream("/purista/templates/" + name)) {
      assertTrue(in != null, name + " is bundled");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
