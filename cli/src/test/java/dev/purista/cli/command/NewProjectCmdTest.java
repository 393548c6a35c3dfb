package dev.purista.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.CliRun;
import dev.purista.cli.CliRun.CliResult;
import dev.purista.cli.ExitCode;
import dev.purista.cli.ProjectTree;
import dev.purista.cli.generate.VersionCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewProjectCmdTest {
  private static final List<String> PROJECT_FILES = List.of(
      ".gitignore",
      "README.md",
      "deploy/docker/monolith.Dockerfile",
      "docs/services.md",
      "docs/services/ping-v1.md",
      "pom.xml",
      "purista.json",
      "services/pom.xml",
      "services/src/main/java/com/example/shop/service/ping/v1/PingV1Client.java",
      "services/src/main/java/com/example/shop/service/ping/v1/PingV1Events.java",
      "services/src/main/java/com/example/shop/service/ping/v1/PingV1Service.java",
      "services/src/main/java/com/example/shop/service/ping/v1/command/ping/PingCommand.java",
      "services/src/main/java/com/example/shop/service/ping/v1/command/ping/PingParameter.java",
      "services/src/main/java/com/example/shop/service/ping/v1/command/ping/PingPayload.java",
      "services/src/main/java/com/example/shop/service/ping/v1/command/ping/PingResult.java",
      "services/src/test/java/com/example/shop/service/ping/v1/command/ping/PingCommandTest.java",
      "targets/README.md",
      "targets/monolith/pom.xml",
      "targets/monolith/src/main/java/com/example/shop/bootstrap/monolith/MonolithMain.java",
      "targets/pom.xml");

  @TempDir
  Path dir;

  @Test
  void createsAProjectPrintsEachFileAndMakesAFirstCommit() throws Exception {
    CliResult result = CliRun.run(dir, "new", "project", "shop", "-B");

    assertEquals(0, result.exitCode(), result.toString());
    Path project = dir.resolve("shop");
    assertEquals(PROJECT_FILES, List.copyOf(ProjectTree.of(project, ".git").files().keySet()));
    for (String file : PROJECT_FILES) {
      assertTrue(result.out().contains("create     " + file + "\n"), file + " is reported\n" + result.out());
    }
    assertTrue(result.out().endsWith("Created project shop in shop, with a first git commit.\n"
        + "Next: cd shop && purista build\n"), result.out());
    assertEquals("", result.err());

    try (Git git = Git.open(project.toFile())) {
      List<RevCommit> commits = StreamSupport.stream(git.log().call().spliterator(), false).toList();
      assertEquals(1, commits.size());
      assertTrue(commits.get(0).getFullMessage().startsWith("Create shop with purista "));
      assertTrue(git.status().call().isClean(), "every file is in the first commit");
      assertEquals("main", git.getRepository().getBranch());
    }
  }

  @Test
  void thePomPinsTheRuntimeThisCliWasBuiltWith() throws IOException {
    CliRun.run(dir, "new", "project", "shop", "--no-git", "-B");
    String pom = Files.readString(dir.resolve("shop/pom.xml"));
    VersionCatalog versions = VersionCatalog.bundled();
    assertTrue(pom.contains("<purista.version>" + versions.purista() + "</purista.version>"), pom);
    assertTrue(pom.contains("<artifactId>purista-bom</artifactId>\n        <version>${purista.version}</version>"), pom);
    assertTrue(pom.contains("<version>" + versions.plugin("shade") + "</version>"), pom);
    assertTrue(pom.contains("<module>services</module>") && pom.contains("<module>targets</module>"), pom);
    String monolith = Files.readString(dir.resolve("shop/targets/monolith/pom.xml"));
    assertTrue(monolith.contains("<mainClass>com.example.shop.bootstrap.monolith.MonolithMain</mainClass>"), monolith);
    assertFalse(monolith.contains("{{"), monolith);
    assertFalse(pom.contains("{{"), pom);
  }

  @Test
  void thePingCommandAnswersPongAndItsTestSaysSo() throws IOException {
    CliRun.run(dir, "new", "project", "shop", "--no-git", "-B");
    Path ping = dir.resolve("shop/services/src/main/java/com/example/shop/service/ping/v1/command/ping");
    assertTrue(Files.readString(ping.resolve("PingResult.java")).contains("public record PingResult(String message)"));
    assertTrue(Files.readString(ping.resolve("PingCommand.java")).contains("return new PingResult(\"pong\");"));
    String test = Files.readString(dir.resolve(
        "shop/services/src/test/java/com/example/shop/service/ping/v1/command/ping/PingCommandTest.java"));
    assertTrue(test.contains("assertEquals(\"pong\", outcome.result().message());"), test);
  }

  @Test
  void takesGroupIdPackageAndDirectory() throws IOException {
    CliResult result = CliRun.run(dir, "new", "project", "order-service", "--group-id", "org.acme",
        "--package", "org.acme.orders", "--directory", "apps/orders", "--no-git", "-B");
    assertEquals(0, result.exitCode(), result.toString());
    Path project = dir.resolve("apps/orders");
    assertTrue(Files.readString(project.resolve("pom.xml")).contains("<groupId>org.acme</groupId>"));
    assertTrue(Files.exists(project.resolve("targets/monolith/src/main/java/org/acme/orders/bootstrap/monolith/MonolithMain.java")));
    assertFalse(Files.exists(project.resolve(".git")));
    assertTrue(result.out().contains("Created project order-service in apps/orders."), result.out());
  }

  @Test
  void derivesThePackageFromGroupIdAndName() {
    CliRun.run(dir, "new", "project", "order-service", "--no-git", "-B");
    assertTrue(Files.exists(dir.resolve(
        "order-service/targets/monolith/src/main/java/com/example/orderservice/bootstrap/monolith/MonolithMain.java")));
  }

  @Test
  void aDryRunPrintsThePlanAndWritesNothing() {
    CliResult result = CliRun.run(dir, "new", "project", "shop", "--dry-run", "-B");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().contains("create     pom.xml\n"), result.out());
    assertTrue(result.out().endsWith("Dry run: nothing was written.\n"), result.out());
    assertFalse(Files.exists(dir.resolve("shop")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--targets nonsense", "--targets monolith,nonsense", "--targets lambda --bridge nats"})
  void aBadTargetExitsWithTwoAndWritesNothing(String options) throws IOException {
    String[] args = ("new project shop -B " + options).split(" ");

    CliResult result = CliRun.run(dir, args);

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("error: "), result.toString());
    assertTrue(result.err().contains(options.contains("nonsense") ? "nonsense" : "--bridge"), result.toString());
    assertFalse(Files.exists(dir.resolve("shop")), "no project directory, no git repository");
    try (Stream<Path> entries = Files.list(dir)) {
      assertEquals(List.of(), entries.toList(), "nothing was written");
    }
  }

  @Test
  void refusesAnExistingDirectory() throws IOException {
    Files.createDirectories(dir.resolve("shop"));
    Files.writeString(dir.resolve("shop/notes.txt"), "mine");
    ProjectTree before = ProjectTree.of(dir);
    CliResult result = CliRun.run(dir, "new", "project", "shop", "-B");
    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertTrue(result.err().startsWith("error: the directory " + dir.resolve("shop") + " already exists\n"),
        result.err());
    assertTrue(result.err().contains("see 'purista new project --help'"), result.err());
    assertEquals(before, ProjectTree.of(dir));
  }

  @Test
  void aMissingNameIsAUsageErrorWithoutATerminal() {
    CliResult result = CliRun.run(dir, "new", "project");
    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertTrue(result.err().startsWith("error: Missing required parameter: 'NAME'\n"), result.err());
    assertEquals("", result.out(), "nothing is asked");
  }

  @Test
  void aMissingNameIsAskedForAtATerminal() {
    CliResult result = CliRun.atTerminal(dir, "shop\n", "new", "project", "--no-git");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().startsWith("Project name: create "), result.out());
    assertTrue(Files.exists(dir.resolve("shop/purista.json")));
  }

  @Test
  void batchModeNeverAsksEvenAtATerminal() {
    CliResult result = CliRun.atTerminal(dir, "shop\n", "new", "project", "-B");
    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertEquals("", result.out());
    assertFalse(Files.exists(dir.resolve("shop")));
  }
}
