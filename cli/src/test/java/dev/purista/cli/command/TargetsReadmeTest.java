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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code targets/README.md}: the exact commands of each target the project has, with the real main classes, kept
 * current by {@code gen bootstrap}, {@code add} and {@code regenerate}.
 */
class TargetsReadmeTest {
  private static final String README = "targets/README.md";
  /** A fully qualified class in the generated bootstrap packages, as the README names mains and handlers. */
  private static final Pattern BOOTSTRAP_CLASS = Pattern.compile("com\\.example\\.shop\\.bootstrap\\.(\\w+)\\.([A-Z]\\w*)");

  @TempDir
  Path dir;

  @Test
  void aLambdaOnlyProjectShowsTheFunctionAndNoMonolith() throws IOException {
    TestProjects.expectSuccess(dir, "new", "project", "shop", "--group-id", "com.example", "--targets", "lambda",
        "--no-git", "-B");
    Path project = dir.resolve("shop");

    String readme = Files.readString(project.resolve(README));

    assertFalse(readme.contains("monolith"), readme);
    assertFalse(readme.contains("java -jar"), readme);
    assertTrue(readme.contains("## lambda"), readme);
    assertTrue(readme.contains("`com.example.shop.bootstrap.lambda.LambdaHandler::handleRequest`"), readme);
    assertTrue(readme.contains("cd deploy/lambda && sam deploy --guided\n"), readme);
    assertTrue(readme.contains("targets/lambda/target/shop-lambda-0.1.0-SNAPSHOT.jar"), readme);
    assertFalse(Files.readString(project.resolve("README.md")).contains("targets/monolith"),
        "the project's own README names no monolith artifact either");
    assertTrue(Files.readString(project.resolve("README.md")).contains("[targets/README.md](targets/README.md)"));
  }

  @Test
  void everyTargetNamesEveryMainThatExistsAndOnlyThose() throws IOException {
    Path project = TestProjects.newProject(dir, "shop");
    TestProjects.expectSuccess(project, "add", "service", "user", "-B");
    TestProjects.expectSuccess(project, "gen", "bootstrap", "--target", "all", "--bridge", "nats");

    String readme = Files.readString(project.resolve(README));

    Set<String> generated = bootstrapClasses(project);
    assertEquals(Set.of("monolith.MonolithMain", "microservice.PingV1Main", "microservice.UserV1Main",
        "microservice.GatewayMain", "lambda.LambdaHandler", "edge.EdgeMain"), generated);
    assertEquals(generated, namedClasses(readme), "the README names exactly the bootstrap classes there are\n" + readme);
    for (String main : Set.of("PingV1Main", "UserV1Main", "GatewayMain")) {
      assertTrue(readme.contains(" java -cp \"$jar\" com.example.shop.bootstrap.microservice." + main + " &\n"),
          main + "\n" + readme);
    }
    assertTrue(readme.contains("java -jar targets/monolith/target/shop-monolith-0.1.0-SNAPSHOT.jar"), readme);
    assertTrue(readme.contains("export PURISTA_EVENT_BRIDGE=nats PURISTA_NATS_URL=nats://localhost:4222\n"), readme);
    assertTrue(readme.contains("docker compose -f deploy/compose.yaml up --build\n"), readme);
    assertTrue(readme.contains("kubectl apply -f deploy/k8s/user-v1.yaml\n"), readme);
    assertTrue(readme.contains("sh targets/edge/shop-edge\n"), readme);
    assertTrue(readme.contains("sudo systemctl enable --now shop-edge\n"), readme);
    for (String file : Set.of("deploy/compose.yaml", "deploy/k8s/user-v1.yaml", "deploy/k8s/ping-v1.yaml",
        "deploy/k8s/gateway.yaml", "deploy/lambda/template.yaml", "deploy/edge/shop-edge.service",
        "targets/edge/shop-edge", "deploy/docker/microservice.Dockerfile")) {
      assertTrue(Files.isRegularFile(project.resolve(file)), file + " that the README names exists");
    }
  }

  @Test
  void aNewServiceJoinsIt() throws IOException {
    Path project = TestProjects.newProject(dir, "shop");
    TestProjects.expectSuccess(project, "gen", "bootstrap", "--target", "microservice");
    assertFalse(Files.readString(project.resolve(README)).contains("EmailV1Main"));

    CliResult added = TestProjects.expectSuccess(project, "add", "service", "email", "-B");

    assertTrue(added.out().contains("update     " + README + "\n"), added.toString());
    String readme = Files.readString(project.resolve(README));
    assertTrue(readme.contains("java -cp \"$jar\" com.example.shop.bootstrap.microservice.EmailV1Main &\n"), readme);
    assertTrue(readme.contains("kubectl apply -f deploy/k8s/email-v1.yaml\n"), readme);
    assertEquals(bootstrapClasses(project), namedClasses(readme));
  }

  @Test
  void aHandEditedReadmeIsAConflictUntilForced() throws IOException {
    Path project = TestProjects.newProject(dir, "shop");
    Files.writeString(project.resolve(README), "my notes\n", java.nio.file.StandardOpenOption.APPEND);
    ProjectTree before = ProjectTree.of(project);

    CliResult refused = CliRun.run(project, "gen", "bootstrap", "--target", "edge");

    assertEquals(ExitCode.CONFLICT.code(), refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains(README), refused.toString());
    assertEquals(before, ProjectTree.of(project), "nothing was written");
    TestProjects.expectSuccess(project, "gen", "bootstrap", "--target", "edge", "--force");
    String readme = Files.readString(project.resolve(README));
    assertFalse(readme.contains("my notes"), readme);
    assertTrue(readme.contains("## edge"), readme);
  }

  /** {@code target.Class} of every class under the targets' bootstrap packages. */
  private static Set<String> bootstrapClasses(Path project) throws IOException {
    try (Stream<Path> files = Files.walk(project.resolve("targets"))) {
      return files.map(file -> project.relativize(file).toString().replace('\\', '/'))
          .map(Pattern.compile("targets/\\w+/src/main/java/com/example/shop/bootstrap/(\\w+)/(\\w+)\\.java")::matcher)
          .filter(Matcher::matches)
          .map(matcher -> matcher.group(1) + "." + matcher.group(2))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Set<String> namedClasses(String readme) {
    Matcher matcher = BOOTSTRAP_CLASS.matcher(readme);
    Set<String> named = new TreeSet<>();
    while (matcher.find()) {
      named.add(matcher.group(1) + "." + matcher.group(2));
    }
    return named;
  }
}
