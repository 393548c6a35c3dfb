package dev.purista.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.CliRun;
import dev.purista.cli.CliRun.CliResult;
import dev.purista.cli.ExitCode;
import dev.purista.cli.ProjectTree;
import dev.purista.cli.TestProjects;
import java.io.IOException;
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
    Path file = project.resolve(OVERRIDE);
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
}
