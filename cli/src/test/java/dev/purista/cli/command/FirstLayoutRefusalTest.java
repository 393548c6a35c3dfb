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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command that works on a project refuses one of the first, single-module layout ({@code src/main/java}
 * at the root, no {@code services} module) with exit 2, names {@code purista upgrade}, and writes nothing, not
 * even the project lock. {@code upgrade} itself is covered by {@link UpgradeCmdTest}.
 */
class FirstLayoutRefusalTest {
  @TempDir
  Path dir;
  private Path old;

  @BeforeEach
  void createProjectInTheFirstLayout() throws IOException {
    Path current = TestProjects.newProject(dir, "shop");
    old = Files.createDirectories(dir.resolve("old"));
    Files.writeString(old.resolve("purista.json"), Files.readString(current.resolve("purista.json")));
    Files.writeString(old.resolve("pom.xml"), "<project><!-- the first layout's single pom --></project>\n");
    Files.createDirectories(old.resolve("src/main/java/com/example/shop"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "list",
      "list --json",
      "build",
      "build --offline verify",
      "regenerate",
      "regenerate --dry-run",
      "add service email -B",
      "add command signUp --service ping -B",
      "add subscription onPing --service ping --event ping.pinged -B",
      "add queue mails --service ping -B",
      "add queue-worker sendMail --service ping --queue mails -B",
      "gen bootstrap --target all",
      "gen bootstrap --target lambda --dry-run",
  })
  void isRefusedWithExitTwoNamingUpgradeAndWritesNothing(String command) {
    ProjectTree before = ProjectTree.of(old);

    CliResult result = CliRun.run(old, command.split(" "));

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("error: this project has the single-module layout"), result.toString());
    assertTrue(result.err().contains("run 'purista upgrade'"), result.toString());
    assertEquals("", result.out(), "nothing is listed, planned or built\n" + result);
    assertEquals(before, ProjectTree.of(old), "nothing was written");
    assertFalse(Files.exists(old.resolve(".purista")), "not even the project lock");
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "build --offline verify", "regenerate --dry-run"})
  void isRefusedFromASubdirectoryToo(String command) {
    CliResult result = CliRun.run(old.resolve("src/main/java/com/example/shop"), command.split(" "));

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().contains("purista upgrade"), result.toString());
  }
}
