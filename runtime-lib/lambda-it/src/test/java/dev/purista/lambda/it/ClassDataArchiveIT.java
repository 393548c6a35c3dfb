package dev.purista.lambda.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.testkit.LambdaFunctionProcess;
import dev.purista.testkit.LambdaFunctionProcess.Layout;
import dev.purista.testkit.LambdaRuntimeApiStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class-data archive written by purista-lambda's {@code ClassDataTraining}, as the CLI's container image writes
 * it, is used by the function run through the real runtime interface client: it answers, and the classes of
 * purista, Jackson and the handler come from the archive. With the function jar where the managed runtime has it
 * (only in the task root's {@code lib/}), the same archive is refused and the function still answers.
 */
class ClassDataArchiveIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FROM_ARCHIVE = "source: shared objects file (top)";
  private static final List<String> ARCHIVED = List.of(ShopFunction.class.getName(),
      "dev.purista.lambda.LambdaFunction", "dev.purista.lambda.internal.EventRouter",
      "dev.purista.http.gateway.HttpGateway", "com.fasterxml.jackson.databind.ObjectMapper");

  @TempDir
  Path workDir;

  @Test
  void theTrainedArchiveIsUsedByTheFunctionInTheImageLayout() throws Exception {
    Path archive = train();
    Set<String> archived = runAndListArchivedClasses(archive, Layout.CONTAINER_IMAGE);
    for (String name : ARCHIVED) {
      assertTrue(archived.contains(name), name + " was not loaded from the archive; loaded from it: "
          + archived.size() + " classes");
    }
  }

  @Test
  void inTheManagedRuntimeLayoutTheArchiveIsRefusedAndTheFunctionStillAnswers() throws Exception {
    Path archive = train();
    Set<String> archived = runAndListArchivedClasses(archive, Layout.MANAGED_RUNTIME);
    assertEquals(Set.of(), archived, "the class paths differ, so no class may come from the archive");
  }

  private Path train() throws Exception {
    Path archive = workDir.resolve("function.jsa");
    int exit = LambdaFunctionProcess.trainClassData(FunctionJar.path(), FunctionJar.awsRuntime(), workDir,
        ShopFunction.class.getName(), archive);
    assertEquals(0, exit, () -> LambdaFunctionProcess.trainingLog(workDir));
    assertTrue(Files.size(archive) > 0, "no archive written");
    assertTrue(LambdaFunctionProcess.trainingLog(workDir).contains("class-data training: " + ShopFunction.class.getName()
        + " initialised"), () -> LambdaFunctionProcess.trainingLog(workDir));
    return archive;
  }

  /** Runs the function with the archive in {@code layout}, checks its answer, and lists its archived classes. */
  private Set<String> runAndListArchivedClasses(Path archive, Layout layout) throws Exception {
    Path classLog = workDir.resolve("classes-" + layout + ".log");
    try (LambdaRuntimeApiStandIn runtime = new LambdaRuntimeApiStandIn();
        LambdaFunctionProcess function = LambdaFunctionProcess.start(FunctionJar.path(), FunctionJar.awsRuntime(),
            workDir, ShopFunction.class.getName(), runtime.address(),
            Map.of("JAVA_TOOL_OPTIONS", "-XX:SharedArchiveFile=" + archive.toAbsolutePath()), layout,
            List.of("-Xlog:class+load=info:file=" + classLog.toAbsolutePath()))) {
      LambdaRuntimeApiStandIn.Outcome outcome = runtime.invoke(JSON.writeValueAsString(greeting("Ada")),
          Duration.ofSeconds(30), Duration.ofSeconds(60));
      assertEquals(false, outcome.error(), () -> outcome + "\n" + function.outputText());
      JsonNode answer = JSON.readTree(outcome.body());
      assertEquals(200, answer.path("statusCode").asInt(), answer::toString);
      assertEquals("Hallo Ada", JSON.readTree(answer.path("body").asText()).path("message").asText());
    }
    return Files.readAllLines(classLog).stream()
        .filter(line -> line.contains(FROM_ARCHIVE))
        .map(line -> line.substring(line.indexOf("] ") + 2, line.indexOf(" source:")))
        .collect(Collectors.toSet());
  }

  private static ObjectNode greeting(String name) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "2.0").put("routeKey", "$default").put("rawPath", "/api/v1/greetings")
        .put("rawQueryString", "lang=de");
    event.putObject("headers").put("content-type", "application/json");
    ObjectNode context = event.putObject("requestContext");
    context.put("stage", "$default");
    context.putObject("http").put("method", "POST").put("path", "/api/v1/greetings");
    event.put("body", "{\"name\":\"" + name + "\"}");
    event.put("isBase64Encoded", false);
    return event;
  }
}
