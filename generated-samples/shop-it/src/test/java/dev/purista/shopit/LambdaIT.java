package dev.purista.shopit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.core.telemetry.SpanNames;
import dev.purista.testkit.LambdaFunctionProcess;
import dev.purista.testkit.LambdaRuntimeApiStandIn;
import dev.purista.testkit.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's function jar, run by AWS's runtime interface client in its own JVM against the stand-in of the
 * Lambda Runtime API, answers API Gateway (HTTP API, payload 2.0) events for the sample's routes.
 */
class LambdaIT {
  private static final String HANDLER = "com.example.shop.bootstrap.lambda.LambdaHandler";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static TestIdentity identity;
  private static LambdaRuntimeApiStandIn runtime;
  private static LambdaFunctionProcess function;

  @BeforeAll
  static void startFunction() throws Exception {
    identity = new TestIdentity();
    runtime = new LambdaRuntimeApiStandIn();
    Path workDir = Files.createTempDirectory(
        Files.createDirectories(Path.of(System.getProperty("purista.shop.work"))), "lambda");
    function = LambdaFunctionProcess.start(Sample.artifact(Sample.reactorBuilt(), Sample.LAMBDA),
        Path.of(System.getProperty("purista.lambda.awsRuntime")), workDir, HANDLER,
        runtime.address(), identity.environment());
  }

  @AfterAll
  static void stopFunction() throws Exception {
    if (function != null) {
      function.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    if (identity != null) {
      identity.close();
    }
  }

  @Test
  void aPublicRouteIsAnswered() throws Exception {
    JsonNode answer = answer(v2("GET", "/api/v1/ping", null, null));
    assertEquals(200, answer.path("statusCode").asInt(), answer::toString);
    assertEquals("pong", Http.JSON.readTree(answer.path("body").asText()).path("message").asText());
  }

  @Test
  void aProtectedRouteWantsATokenAndTakesAValidOne() throws Exception {
    assertEquals(401, answer(v2("POST", "/api/v1/users", null, "{}")).path("statusCode").asInt());
    JsonNode answer = answer(v2("POST", "/api/v1/users", identity.bearer("ada"), "{}"));
    assertEquals(200, answer.path("statusCode").asInt(), answer::toString);
  }

  @Test
  void anUnknownRouteIs404() throws Exception {
    assertEquals(404, answer(v2("GET", "/api/v1/nothing-here", null, null)).path("statusCode").asInt());
  }

  /**
   * With the OTEL_* variables, an invocation's spans reach the collector before the function is stopped or asked
   * for the next event: the handler flushes after each invocation, as a frozen execution environment needs. The
   * batch delay is set far beyond the test, so only that flush can have sent them.
   */
  @Test
  void withTheOtelVariablesEachInvocationsSpansAreFlushedToTheCollector() throws Exception {
    String serviceName = "shop-lambda-otlp";
    Path workDir = Files.createTempDirectory(
        Files.createDirectories(Path.of(System.getProperty("purista.shop.work"))), "lambda-otlp");
    try (OtlpReceiver receiver = new OtlpReceiver();
        LambdaRuntimeApiStandIn tracedRuntime = new LambdaRuntimeApiStandIn();
        LambdaFunctionProcess traced = LambdaFunctionProcess.start(
            Sample.artifact(Sample.reactorBuilt(), Sample.LAMBDA),
            Path.of(System.getProperty("purista.lambda.awsRuntime")), workDir, HANDLER, tracedRuntime.address(),
            Map.of("OTEL_SERVICE_NAME", serviceName, "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "OTEL_BSP_SCHEDULE_DELAY", "600000", "OTEL_METRIC_EXPORT_INTERVAL", "600000"))) {
      LambdaRuntimeApiStandIn.Outcome outcome = tracedRuntime.invoke(v2("GET", "/api/v1/ping", null, null).toString(),
          TIMEOUT, WAIT);
      assertFalse(outcome.error(), outcome::toString);

      List<Span> spans = OtlpSpans.of(receiver, serviceName);
      String output = String.join("\n", traced.output());
      Span invocation = OtlpSpans.only(spans, SpanNames.LAMBDA_INVOCATION, output);
      Span request = OtlpSpans.only(spans, SpanNames.httpRequest("GET", "/api/v1/ping"), output);
      Span received = OtlpSpans.only(spans, SpanNames.COMMAND_RECEIVED, output);
      assertEquals(invocation.getTraceId(), received.getTraceId(), "one trace");
      assertEquals(invocation.getSpanId(), request.getParentSpanId(), "the request runs in the invocation");
      assertEquals(request.getSpanId(), received.getParentSpanId(), "the command runs in the request");
      assertTrue(traced.isAlive(), "sent while the function waits for its next event");
    }
  }

  private static ObjectNode v2(String method, String rawPath, String authorization, String body) {
    ObjectNode event = Http.JSON.createObjectNode();
    event.put("version", "2.0").put("routeKey", "$default").put("rawPath", rawPath).put("rawQueryString", "");
    ObjectNode headers = event.putObject("headers").put("content-type", "application/json")
        .put("host", "api.example.com");
    if (authorization != null) {
      headers.put("authorization", authorization);
    }
    ObjectNode context = event.putObject("requestContext");
    context.put("stage", "$default").put("requestId", "JKJaXmPLvHcESHA=");
    context.putObject("http").put("method", method).put("path", rawPath).put("protocol", "HTTP/1.1");
    if (body != null) {
      event.put("body", body);
    }
    event.put("isBase64Encoded", false);
    return event;
  }

  private static JsonNode answer(ObjectNode event) throws Exception {
    LambdaRuntimeApiStandIn.Outcome outcome = runtime.invoke(event.toString(), TIMEOUT, WAIT);
    assertFalse(outcome.error(), () -> "the function failed: " + outcome);
    assertNotNull(outcome.body());
    return Http.JSON.readTree(outcome.body());
  }
}
