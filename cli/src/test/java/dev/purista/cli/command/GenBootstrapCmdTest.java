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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenBootstrapCmdTest {
  private static final String BOOTSTRAP = "targets/%s/src/main/java/com/example/shop/bootstrap/%s/%s.java";

  @TempDir
  Path dir;
  private Path project;

  @BeforeEach
  void createProject() {
    project = TestProjects.newProject(dir, "shop");
    TestProjects.expectSuccess(project, "add", "service", "user", "-B");
  }

  @Test
  void allWritesEveryTargetModuleAndRecordsTheTargets() throws IOException {
    CliResult result = CliRun.run(project, "gen", "bootstrap", "--target", "all", "--bridge", "nats");

    assertEquals(0, result.exitCode(), result.toString());
    for (String file : List.of(bootstrap("microservice", "UserV1Main"), bootstrap("microservice", "PingV1Main"),
        bootstrap("microservice", "GatewayMain"), bootstrap("lambda", "LambdaHandler"), bootstrap("edge", "EdgeMain"),
        "targets/microservice/pom.xml", "targets/lambda/pom.xml", "targets/edge/pom.xml", "targets/edge/bundle.sh",
        "targets/edge/shop-edge", "deploy/edge/shop-edge.service")) {
      assertTrue(Files.isRegularFile(project.resolve(file)), file + "\n" + result);
    }
    for (String script : List.of("targets/edge/shop-edge", "targets/edge/bundle.sh")) {
      assertTrue(Files.isExecutable(project.resolve(script)), script + " is written executable, to run directly");
    }
    assertFalse(Files.isExecutable(project.resolve("targets/edge/pom.xml")), "other files are not executable");
    String aggregator = Files.readString(project.resolve("targets/pom.xml"));
    assertTrue(aggregator.contains("<module>monolith</module>\n    <module>microservice</module>\n"
        + "    <module>lambda</module>\n    <module>edge</module>"), aggregator);
    String userMain = Files.readString(project.resolve(bootstrap("microservice", "UserV1Main")));
    assertTrue(userMain.contains("EnvironmentBridges.fromEnvironment().eventBridge(\"nats\")"), userMain);
    assertTrue(userMain.contains(".service(UserV1Service.DEFINITION)"), userMain);
    assertFalse(userMain.contains("PingV1Service"), "a microservice main runs only its own service");
    String edge = Files.readString(project.resolve(bootstrap("edge", "EdgeMain")));
    assertTrue(edge.contains("eventBridge(\"mqtt\")"), "edge keeps its own default bridge\n" + edge);
    CliResult list = CliRun.run(project, "list");
    assertTrue(list.out().contains("targets: monolith (default bridge), microservice (nats bridge), "
        + "lambda (default bridge), edge (mqtt bridge)"), list.toString());
  }

  @Test
  void aNewServiceJoinsEveryTarget() throws IOException {
    TestProjects.expectSuccess(project, "gen", "bootstrap", "--target", "all");
    TestProjects.expectSuccess(project, "add", "service", "email", "-B");

    assertTrue(Files.isRegularFile(project.resolve(bootstrap("microservice", "EmailV1Main"))));
    for (String file : List.of(bootstrap("monolith", "MonolithMain"), bootstrap("microservice", "GatewayMain"),
        bootstrap("lambda", "LambdaHandler"), bootstrap("edge", "EdgeMain"))) {
      assertTrue(Files.readString(project.resolve(file)).contains("EmailV1Service.DEFINITION"), file);
    }
  }

  @Test
  void serviceLimitsTheMicroserviceMainsButNotTheGateway() throws IOException {
    CliResult result = CliRun.run(project, "gen", "bootstrap", "--target", "microservice", "--service", "user");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(Files.isRegularFile(project.resolve(bootstrap("microservice", "UserV1Main"))));
    assertFalse(Files.exists(project.resolve(bootstrap("microservice", "PingV1Main"))));
    assertTrue(Files.readString(project.resolve(bootstrap("microservice", "GatewayMain")))
        .contains("PingV1Service.DEFINITION"));
    assertTrue(Files.readString(project.resolve("purista.json")).contains("\"services\": [\n        \"user\"\n"));
  }

  @Test
  void aDryRunShowsThePlanAndWritesNothing() {
    ProjectTree before = ProjectTree.of(project);
    CliResult result = CliRun.run(project, "gen", "bootstrap", "--target", "lambda", "--dry-run");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().contains("create     " + bootstrap("lambda", "LambdaHandler")), result.toString());
    assertEquals(before, ProjectTree.of(project));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "--target cloud",
      "--target monolith --bridge amqp",
      "--target lambda --bridge nats",
      "--target edge --bridge amqp",
      "--target microservice --bridge kafka",
      "--target microservice --service nobody",
      "--target lambda --service user",
  })
  void badInputExitsWithTwoAndWritesNothing(String options) {
    ProjectTree before = ProjectTree.of(project);
    String[] args = ("gen bootstrap " + options).split(" ");

    CliResult result = CliRun.run(project, args);

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("error: "), result.toString());
    assertEquals(before, ProjectTree.of(project), "nothing was written");
  }

  @Test
  void aHandEditedTargetFileIsAConflict() throws IOException {
    TestProjects.expectSuccess(project, "gen", "bootstrap", "--target", "edge");
    Path pom = project.resolve("targets/edge/pom.xml");
    Files.writeString(pom, Files.readString(pom).replace("</dependencies>", "<!-- mine --></dependencies>"));
    Path main = project.resolve(bootstrap("edge", "EdgeMain"));
    Files.writeString(main, Files.readString(main) + "// mine\n");
    ProjectTree before = ProjectTree.of(project);

    CliResult add = CliRun.run(project, "add", "service", "email", "-B");
    CliResult regenerate = CliRun.run(project, "regenerate");

    assertEquals(ExitCode.CONFLICT.code(), add.exitCode(), add.toString());
    assertTrue(add.err().contains(bootstrap("edge", "EdgeMain")), add.toString());
    assertEquals(ExitCode.CONFLICT.code(), regenerate.exitCode(), regenerate.toString());
    assertTrue(regenerate.err().contains("targets/edge/pom.xml"), regenerate.toString());
    assertEquals(before, ProjectTree.of(project), "nothing was written");
  }

  @Test
  void genBootstrapItselfStopsAtAHandEditedTargetFileUntilForced() throws IOException {
    TestProjects.expectSuccess(project, "gen", "bootstrap", "--target", "microservice", "--bridge", "amqp");
    Path main = project.resolve(bootstrap("microservice", "UserV1Main"));
    Files.writeString(main, Files.readString(main) + "// mine\n");
    ProjectTree before = ProjectTree.of(project);

    CliResult refused = CliRun.run(project, "gen", "bootstrap", "--target", "microservice", "--bridge", "nats");

    assertEquals(ExitCode.CONFLICT.code(), refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains(bootstrap("microservice", "UserV1Main")), refused.toString());
    assertEquals(before, ProjectTree.of(project), "nothing was written, purista.json included");

    CliResult forced = CliRun.run(project, "gen", "bootstrap", "--target", "microservice", "--bridge", "nats",
        "--force");

    assertEquals(0, forced.exitCode(), forced.toString());
    String rewritten = Files.readString(main);
    assertFalse(rewritten.contains("// mine"), rewritten);
    assertTrue(rewritten.contains("eventBridge(\"nats\")"), rewritten);
    assertTrue(Files.readString(project.resolve("purista.json")).contains("\"bridge\": \"nats\""));
  }

  @Test
  void aProjectInTheFirstLayoutIsRefusedWithWhatToDo() throws IOException {
    Path old = Files.createDirectories(dir.resolve("old"));
    Files.writeString(old.resolve("purista.json"), Files.readString(project.resolve("purista.json")));
    Files.createDirectories(old.resolve("src/main/java"));
    ProjectTree before = ProjectTree.of(old);

    CliResult result = CliRun.run(old, "add", "service", "email", "-B");

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().contains("purista upgrade"), result.toString());
    assertEquals(before, ProjectTree.of(old));
  }

  private static String bootstrap(String target, String type) {
    return String.format(BOOTSTRAP, target, target, type);
  }
}
