package dev.purista.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.purista.cli.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parses the deployment files of a project with every target, as Compose, Kubernetes and SAM would, and checks
 * what breaks a deployment: probes on the health paths the application serves (the generated-project IT asks the
 * running processes for them), ports that agree with PURISTA_HTTP_PORT, commands that name main classes that
 * exist in the generated sources, and a SAM handler that names the generated handler class.
 */
class DeploymentFilesTest {
  private static final String LIVE = "/healthz/live";
  private static final String READY = "/healthz/ready";
  private static final ObjectMapper YAML = new YAMLMapper();

  @TempDir
  static Path dir;
  private static Path project;

  @BeforeAll
  static void createProjectWithEveryTarget() {
    project = TestProjects.newProject(dir, "shop");
    TestProjects.expectSuccess(project, "add", "service", "orderHistory", "-B");
    TestProjects.expectSuccess(project, "gen", "bootstrap", "--target", "all", "--bridge", "nats");
  }

  @Test
  void composeRunsEveryServiceMainAndTheGatewayOnThePortsTheyListenOn() throws IOException {
    JsonNode services = YAML.readTree(project.resolve("deploy/compose.yaml").toFile()).get("services");
    List<String> mains = new ArrayList<>();
    services.properties().forEach(entry -> {
      if (!entry.getKey().equals("broker")) {
        JsonNode service = entry.getValue();
        mains.add(service.get("command").get(0).asText());
        assertEquals("nats", service.get("environment").get("PURISTA_EVENT_BRIDGE").asText(), entry.getKey());
        assertTrue(service.get("environment").get("PURISTA_NATS_URL").asText().startsWith("nats://broker:"));
        assertEquals("deploy/docker/microservice.Dockerfile", service.get("build").get("dockerfile").asText());
      }
    });
    assertEquals(List.of(main("PingV1Main"), main("OrderHistoryV1Main"), main("GatewayMain")), mains);
    mains.forEach(DeploymentFilesTest::assertMainExists);
    JsonNode gateway = services.get("gateway");
    String port = gateway.get("environment").get("PURISTA_HTTP_PORT").asText();
    assertEquals(port + ":" + port, gateway.get("ports").get(0).asText());
    assertTrue(services.has("broker"), "the broker runs beside the services");
  }

  @Test
  void kubernetesProbesPortsAndAutoscalersAgreeWithTheDeployments() throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(project.resolve("deploy/k8s"))) {
      files = listed.sorted().toList();
    }
    assertEquals(List.of("gateway.yaml", "order-history-v1.yaml", "ping-v1.yaml"),
        files.stream().map(p -> p.getFileName().toString()).toList());
    for (Path file : files) {
      Map<String, JsonNode> byKind = documents(file);
      assertEquals(List.of("Deployment", "HorizontalPodAutoscaler", "Service"), byKind.keySet().stream().sorted().toList());
      JsonNode deployment = byKind.get("Deployment");
      JsonNode container = deployment.at("/spec/template/spec/containers/0");
      int port = container.at("/ports/0/containerPort").asInt();
      assertEquals(Integer.toString(port), env(container, "PURISTA_HTTP_PORT"), file.toString());
      assertEquals(LIVE, container.at("/livenessProbe/httpGet/path").asText(), file.toString());
      assertEquals(READY, container.at("/readinessProbe/httpGet/path").asText(), file.toString());
      assertEquals(port, container.at("/livenessProbe/httpGet/port").asInt(), file.toString());
      assertEquals(port, container.at("/readinessProbe/httpGet/port").asInt(), file.toString());
      assertTrue(container.at("/resources/requests").has("memory"), file.toString());
      assertTrue(deployment.at("/spec/replicas").asInt() >= 1, file.toString());
      assertMainExists(container.at("/args/0").asText());
      assertFalse(container.at("/env").toString().contains("guest"), "broker credentials come from a Secret");
      String name = deployment.at("/metadata/name").asText();
      JsonNode selector = deployment.at("/spec/selector/matchLabels");
      selector.properties().forEach(label -> assertEquals(label.getValue(),
          deployment.at("/spec/template/metadata/labels").get(label.getKey()), "the pods match their selector"));
      JsonNode service = byKind.get("Service");
      assertEquals(port, service.at("/spec/ports/0/targetPort").asInt(), file.toString());
      assertEquals(deployment.at("/spec/selector/matchLabels"), service.at("/spec/selector"));
      assertEquals(name, byKind.get("HorizontalPodAutoscaler").at("/spec/scaleTargetRef/name").asText());
    }
  }

  @Test
  void theSamHandlerIsTheGeneratedLambdaHandlerAndSnapStartIsOn() throws IOException {
    JsonNode function = YAML.readTree(project.resolve("deploy/lambda/template.yaml").toFile())
        .at("/Resources/Function/Properties");
    String handler = function.get("Handler").asText();
    assertTrue(handler.endsWith("::handleRequest"), handler);
    String handlerClass = handler.substring(0, handler.indexOf("::"));
    assertEquals("com.example.shop.bootstrap.lambda.LambdaHandler", handlerClass);
    String source = Files.readString(sourceOf("lambda", handlerClass));
    assertTrue(source.contains("extends PuristaLambdaHandler"), source);
    assertEquals("PublishedVersions", function.at("/SnapStart/ApplyOn").asText());
    assertEquals("HttpApi", function.at("/Events/Api/Type").asText());
    assertEquals("../../targets/lambda/target/shop-lambda-0.1.0-SNAPSHOT.jar", function.get("CodeUri").asText());
    assertTrue(Files.readString(project.resolve("targets/lambda/pom.xml")).contains("<artifactId>shop-lambda</artifactId>"),
        "the jar SAM uploads is the one the lambda module builds");
  }

  @Test
  void theLambdaImageTrainsItsArchiveWithTheClassPathAndFlagsTheFunctionRunsWith() throws IOException {
    String dockerfile = Files.readString(project.resolve("deploy/lambda/Dockerfile"));
    assertTrue(dockerfile.contains("\nFROM public.ecr.aws/lambda/java:17\n"), dockerfile);
    Matcher copy = Pattern.compile("(?m)^COPY (\\S+) (\\S+)$").matcher(dockerfile);
    assertTrue(copy.find(), dockerfile);
    assertEquals("targets/lambda/target/shop-lambda-0.1.0-SNAPSHOT.jar", copy.group(1),
        "the jar the lambda module builds");
    assertEquals("/var/task/lib/function.jar", copy.group(2));

    String training = dockerfile.substring(dockerfile.indexOf("\nRUN ") + 5, dockerfile.indexOf("\nENV "))
        .replace("\\\n", " ").replaceAll(" +", " ").trim();
    Matcher run = Pattern.compile("cd /var/task && /var/lang/bin/java (.*) -XX:ArchiveClassesAtExit=(\\S+) "
        + "-cp \"([^\"]+)\" ([\\w.]+) ([\\w.]+)").matcher(training);
    assertTrue(run.matches(), training);
    assertEquals("dev.purista.lambda.ClassDataTraining", run.group(4));
    String handlerClass = run.group(5);
    assertEquals("com.example.shop.bootstrap.lambda.LambdaHandler", handlerClass);
    assertTrue(Files.readString(sourceOf("lambda", handlerClass)).contains("extends PuristaLambdaHandler"));

    Matcher env = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"-XX:SharedArchiveFile=(\\S+)\"$").matcher(dockerfile);
    assertTrue(env.find(), dockerfile);
    assertEquals(run.group(2), env.group(1), "the function names the archive the training run wrote");

    Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$").matcher(dockerfile);
    assertTrue(entrypoint.find(), dockerfile);
    List<String> command = new ArrayList<>();
    new ObjectMapper().readTree(entrypoint.group(1)).forEach(part -> command.add(part.asText()));
    int classPath = command.indexOf("-cp");
    assertEquals(run.group(3), command.get(classPath + 1), "an archive is used only with its class path");
    assertEquals(List.of(run.group(1).split(" ")), command.subList(1, 1 + run.group(1).split(" ").length),
        "the training run has the function's JIT and GC flags");
    assertEquals("com.amazonaws.services.lambda.runtime.api.client.AWSLambda", command.get(command.size() - 1));
    assertTrue(dockerfile.contains("\nCMD [\"" + handlerClass + "::handleRequest\"]\n"), dockerfile);
  }

  @Test
  void everyDockerfileRunsAnExistingMainAsANonRootUserWithAReadinessCheck() throws IOException {
    for (String target : List.of("monolith", "microservice", "edge")) {
      String dockerfile = Files.readString(project.resolve("deploy/docker/" + target + ".Dockerfile"));
      Matcher cmd = Pattern.compile("(?m)^CMD \\[\"([\\w.]+)\"]$").matcher(dockerfile);
      assertTrue(cmd.find(), dockerfile);
      assertMainExists(cmd.group(1));
      Matcher port = Pattern.compile("(?m)^ENV PURISTA_HTTP_PORT=(\\d+)$").matcher(dockerfile);
      assertTrue(port.find(), dockerfile);
      assertTrue(dockerfile.contains("\nEXPOSE " + port.group(1) + "\n"), dockerfile);
      assertTrue(dockerfile.contains("/dev/tcp/127.0.0.1/" + port.group(1)) && dockerfile.contains("GET " + READY),
          dockerfile);
      assertTrue(dockerfile.contains("\nUSER 10001\n"), "runs as the non-root user\n" + dockerfile);
      assertTrue(dockerfile.contains("-XX:MaxRAMPercentage="), dockerfile);
      assertTrue(dockerfile.contains("COPY targets/" + target + "/target/shop-" + target + "-0.1.0-SNAPSHOT.jar "),
          dockerfile);
    }
  }

  @Test
  void theEdgeUnitStartsTheBundledLauncherOnItsPort() throws IOException {
    String unit = Files.readString(project.resolve("deploy/edge/shop-edge.service"));
    assertTrue(unit.contains("\nExecStart=/opt/shop-edge/bin/shop-edge\n"), unit);
    assertTrue(unit.contains("\nEnvironment=PURISTA_EVENT_BRIDGE=mqtt\n"), unit);
    String bundleScript = Files.readString(project.resolve("targets/edge/bundle.sh"));
    assertTrue(bundleScript.contains("\"$bundle/bin/shop-edge\""), "the bundle puts the launcher where the unit looks");
  }

  private static Map<String, JsonNode> documents(Path file) throws IOException {
    Map<String, JsonNode> byKind = new HashMap<>();
    try (var parser = new YAMLFactory().createParser(file.toFile())) {
      var documents = new JsonMapper().readValues(parser, JsonNode.class);
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        byKind.put(document.get("kind").asText(), document);
      }
    }
    return byKind;
  }

  private static String env(JsonNode container, String name) {
    for (JsonNode variable : container.get("env")) {
      if (variable.get("name").asText().equals(name)) {
        return variable.get("value").asText();
      }
    }
    throw new AssertionError("no " + name + " in " + container);
  }

  private static String main(String simpleName) {
    return "com.example.shop.bootstrap.microservice." + simpleName;
  }

  /** The class exists in a target's generated sources and has a {@code main}. */
  private static void assertMainExists(String className) {
    String target = className.split("\\.")[4];
    try {
      String source = Files.readString(sourceOf(target, className));
      assertTrue(source.contains("public static void main(String[] args)"), className);
    } catch (IOException e) {
      throw new AssertionError("no source for " + className, e);
    }
  }

  private static Path sourceOf(String target, String className) {
    return project.resolve("targets/" + target + "/src/main/java/" + className.replace('.', '/') + ".java");
  }
}
