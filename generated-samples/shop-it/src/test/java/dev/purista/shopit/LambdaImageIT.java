package dev.purista.shopit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.testkit.LambdaFunctionProcess;
import dev.purista.testkit.LambdaFunctionProcess.Layout;
import dev.purista.testkit.LambdaRuntimeApiStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the sample's {@code deploy/lambda/Dockerfile} does, without a container engine: its training run, with the
 * class and handler the Dockerfile names, writes a class-data archive for the sample's function jar, and the
 * function, run by AWS's runtime interface client with the image's class path and the archive in
 * {@code JAVA_TOOL_OPTIONS}, answers and loads its classes from the archive.
 */
class LambdaImageIT {
  private static final String FROM_ARCHIVE = "source: shared objects file (top)";

  @Test
  void theImagesTrainingRunWritesAnArchiveTheFunctionUses() throws Exception {
    String dockerfile = Files.readString(Sample.reactorBuilt().resolve("deploy/lambda/Dockerfile"));
    Matcher training = Pattern.compile("-cp \"/var/runtime/lib/\\*:/var/task/lib/\\*\" \\\\\\n\\s+([\\w.]+) ([\\w.]+)\\n")
        .matcher(dockerfile);
    assertTrue(training.find(), dockerfile);
    assertEquals(LambdaFunctionProcess.CLASS_DATA_TRAINING, training.group(1));
    String handler = training.group(2);
    assertTrue(dockerfile.contains("\"-cp\", \"/var/runtime/lib/*:/var/task/lib/*\""),
        "the function runs with the training run's class path: " + dockerfile);

    Path workDir = Files.createTempDirectory(
        Files.createDirectories(Path.of(System.getProperty("purista.shop.work"))), "lambda-image");
    Path jar = Sample.artifact(Sample.reactorBuilt(), Sample.LAMBDA);
    Path awsRuntime = Path.of(System.getProperty("purista.lambda.awsRuntime"));
    Path archive = workDir.resolve("function.jsa");
    int exit = LambdaFunctionProcess.trainClassData(jar, awsRuntime, workDir, handler, archive);
    assertEquals(0, exit, () -> LambdaFunctionProcess.trainingLog(workDir));

    Path classLog = workDir.resolve("classes.log");
    try (TestIdentity identity = new TestIdentity();
        LambdaRuntimeApiStandIn runtime = new LambdaRuntimeApiStandIn()) {
      Map<String, String> environment = new java.util.HashMap<>(identity.environment());
      environment.put("JAVA_TOOL_OPTIONS", "-XX:SharedArchiveFile=" + archive.toAbsolutePath());
      try (LambdaFunctionProcess function = LambdaFunctionProcess.start(jar, awsRuntime, workDir, handler,
          runtime.address(), environment, Layout.CONTAINER_IMAGE,
          List.of("-Xlog:class+load=info:file=" + classLog.toAbsolutePath()))) {
        LambdaRuntimeApiStandIn.Outcome outcome = runtime.invoke(Http.JSON.writeValueAsString(ping()),
            Duration.ofSeconds(30), Duration.ofSeconds(60));
        JsonNode answer = Http.JSON.readTree(outcome.body());
        assertEquals(200, answer.path("statusCode").asInt(), () -> outcome + "\n" + function.outputText());
        assertEquals("pong", Http.JSON.readTree(answer.path("body").asText()).path("message").asText());
      }
    }
    List<String> archived = Files.readAllLines(classLog).stream().filter(line -> line.contains(FROM_ARCHIVE)).toList();
    for (String name : List.of(handler, "dev.purista.lambda.LambdaFunction", "dev.purista.http.gateway.HttpGateway")) {
      assertTrue(archived.stream().anyMatch(line -> line.contains("] " + name + " source:")),
          name + " was not loaded from the archive (" + archived.size() + " classes were)");
    }
  }

  private static ObjectNode ping() {
    ObjectNode event = Http.JSON.createObjectNode();
    event.put("version", "2.0").put("routeKey", "$default").put("rawPath", "/api/v1/ping").put("rawQueryString", "");
    event.putObject("headers").put("accept", "application/json");
    ObjectNode context = event.putObject("requestContext");
    context.put("stage", "$default");
    context.putObject("http").put("method", "GET").put("path", "/api/v1/ping");
    event.put("isBase64Encoded", false);
    return event;
  }
}
