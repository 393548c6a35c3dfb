package dev.purista.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.CliRun;
import dev.purista.cli.CliRun.CliResult;
import dev.purista.cli.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code purista build} runs a real Maven build of a freshly generated project, offline against the local
 * repository: the generated pom resolves, the code compiles under -Xlint:all as errors, the ping test passes
 * and the jar is runnable. This is the one slow test of the module.
 */
class BuildCmdTest {
  @TempDir
  Path dir;

  @Test
  void buildsAFreshProjectIntoARunnableJar() throws IOException {
    Path project = TestProjects.newProject(dir, "demo");

    CliResult result = CliRun.run(project, "build", "--offline");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"),
        "Maven's output is streamed through:\n" + result.out());
    Path jar = project.resolve("targets/monolith/target/demo-monolith-0.1.0-SNAPSHOT.jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      assertEquals("com.example.demo.bootstrap.monolith.MonolithMain",
          file.getManifest().getMainAttributes().getValue("Main-Class"));
      assertTrue(file.getEntry("dev/purista/core/lifecycle/Application.class") != null, "the runtime is shaded in");
    }
  }

  @Test
  void itsExitCodeIsMavens() throws IOException {
    Path project = TestProjects.newProject(dir, "broken");
    Files.writeString(project.resolve("pom.xml"), "<project>not a pom");

    CliResult result = CliRun.run(project, "build", "--offline", "validate");

    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.err().endsWith("error: the Maven build failed with exit code 1\n"), result.err());
  }
}
