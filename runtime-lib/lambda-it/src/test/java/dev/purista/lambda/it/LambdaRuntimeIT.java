package dev.purista.lambda.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.testkit.LambdaFunctionProcess;
import dev.purista.testkit.LambdaRuntimeApiStandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded function jar in its own JVM, run by AWS's runtime interface client against the stand-in Runtime
 * API: every event kind is answered, a second event of each kind is served by the same warm instance without
 * starting the services again, and bad input is answered as documented while the runtime loop goes on.
 */
class LambdaRuntimeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = RunningShopFunction.TIMEOUT;
  private static final Duration WAIT = RunningShopFunction.WAIT;
  private static final int MAX_BODY_BYTES = 1024;
  private static final int MAX_EVENT_BYTES = 64 * 1024;

  @TempDir
  static Path workDir;
  private static RunningShopFunction shop;
  private static LambdaRuntimeApiStandIn runtime;
  private static LambdaFunctionProcess function;

  @BeforeAll
  static void startFunction() throws Exception {
    shop = RunningShopFunction.start(workDir,
        Map.of("PURISTA_HTTP_MAX_BODY_BYTES", Integer.toString(MAX_BODY_BYTES),
            "PURISTA_LAMBDA_MAX_EVENT_BYTES", Integer.toString(MAX_EVENT_BYTES),
            // As Lambda's advanced logging controls set it; INFO, the default, would hide the priming lines.
            "AWS_LAMBDA_LOG_LEVEL", "DEBUG"));
    runtime = shop.runtime();
    function = shop.process();
  }

  @AfterAll
  static void stopFunction() throws Exception {
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  void apiGatewayV2EventsAreServedByTheWarmInstance() throws Exception {
    for (String name : List.of("Ada", "Grace")) {
      JsonNode answer = shop.answer(v2("POST", "/api/v1/greetings", "lang=de", "{\"name\":\"" + name + "\"}"));
      assertEquals(200, answer.path("statusCode").asInt(), answer::toString);
      assertEquals("application/json", answer.path("headers").path("Content-Type").asText());
      assertEquals("Hallo " + name, JSON.readTree(answer.path("body").asText()).path("message").asText());
      assertFalse(answer.path("isBase64Encoded").asBoolean());
    }
    shop.assertServicesStartedOnce();
  }

  @Test
  void apiGatewayV1EventsAreServedByTheWarmInstance() throws Exception {
    for (String name : List.of("Ada", "Grace")) {
      ObjectNode event = JSON.createObjectNode();
      event.put("resource", "/{proxy+}").put("path", "/api/v1/greetings").put("httpMethod", "POST");
      event.putObject("headers").put("Content-Type", "application/json");
      event.putObject("multiValueHeaders").putArray("Content-Type").add("application/json");
      event.putObject("queryStringParameters").put("lang", "de");
      event.putObject("multiValueQueryStringParameters").putArray("lang").add("de");
      event.putObject("requestContext").put("stage", "prod").put("requestId", "c6af9ac6");
      event.put("body", Base64.getEncoder().encodeToString(("{\"name\":\"" + name + "\"}")
          .getBytes(StandardCharsets.UTF_8)));
      event.put("isBase64Encoded", true);
      JsonNode answer = shop.answer(event.toString());
      assertEquals(200, answer.path("statusCode").asInt(), answer::toString);
      assertEquals("Hallo " + name, JSON.readTree(answer.path("body").asText()).path("message").asText());
      assertEquals("application/json", answer.path("multiValueHeaders").path("Content-Type").get(0).asText());
    }
    shop.assertServicesStartedOnce();
  }

  @Test
  void functionUrlAndStagedHttpApiEventsReachTheSameRoutes() throws Exception {
    ObjectNode url = v2("POST", "/api/v1/greetings", "", "{\"name\":\"Ada\"}");
    ((ObjectNode) url.path("requestContext")).put("domainName", "abcdefg.lambda-url.eu-central-1.on.aws");
    assertEquals(200, shop.answer(url).path("statusCode").asInt());

    ObjectNode staged = v2("GET", "/prod/api/v1/stats", "", null);
    ((ObjectNode) staged.path("requestContext")).put("stage", "prod");
    assertEquals(200, shop.answer(staged).path("statusCode").asInt());
  }

  @Test
  void httpErrorsAreTheGatewaysProblems() throws Exception {
    JsonNode invalid = shop.answer(v2("POST", "/api/v1/greetings", "", "{\"name\":\"\"}"));
    assertEquals(400, invalid.path("statusCode").asInt());
    assertEquals("application/problem+json", invalid.path("headers").path("Content-Type").asText());
    assertTrue(invalid.path("body").asText().contains("payload.name"), invalid::toString);

    assertEquals(409, shop.answer(v2("GET", "/api/v1/refusals", "", null)).path("statusCode").asInt());
    assertEquals(401, shop.answer(v2("GET", "/api/v1/secrets", "", null)).path("statusCode").asInt());
    assertEquals(404, shop.answer(v2("GET", "/api/v1/nothing", "", null)).path("statusCode").asInt());
    JsonNode wrongMethod = shop.answer(v2("DELETE", "/api/v1/greetings", "", null));
    assertEquals(405, wrongMethod.path("statusCode").asInt());
    assertEquals("OPTIONS, POST", wrongMethod.path("headers").path("Allow").asText());
    JsonNode notJson = shop.answer(v2("POST", "/api/v1/greetings", "", "{\"name\":"));
    assertEquals(400, notJson.path("statusCode").asInt());
  }

  @Test
  void anOversizedBodyIs413AndTheLoopGoesOn() throws Exception {
    JsonNode answer = shop.answer(
        v2("POST", "/api/v1/greetings", "", "{\"name\":\"" + "x".repeat(MAX_BODY_BYTES) + "\"}"));
    assertEquals(413, answer.path("statusCode").asInt(), answer::toString);
    assertEquals(200,
        shop.answer(v2("POST", "/api/v1/greetings", "", "{\"name\":\"Ada\"}")).path("statusCode").asInt());
  }

  @Test
  void directInvocationsReturnTheResultOrAnErrorObject() throws Exception {
    for (String name : List.of("Ada", "Grace")) {
      JsonNode result = shop.answer("{\"service\":\"shop\",\"version\":\"1\",\"command\":\"greet\","
          + "\"payload\":{\"name\":\"" + name + "\"},\"parameter\":{\"lang\":\"en\"}}");
      assertEquals("Hello " + name, result.path("message").asText(), result::toString);
    }
    JsonNode refused = shop.answer("{\"service\":\"shop\",\"version\":\"1\",\"command\":\"refuse\"}");
    assertEquals(409, refused.path("error").path("status").asInt(), refused::toString);
    assertEquals("refused on purpose", refused.path("error").path("message").asText());
    JsonNode nobody = shop.answer("{\"service\":\"shop\",\"version\":\"1\",\"command\":\"nothing\"}");
    assertEquals(503, nobody.path("error").path("status").asInt(), nobody::toString);
    JsonNode invalid = shop.answer("{\"service\":\"shop\",\"version\":\"1\",\"command\":\"greet\",\"payload\":{}}");
    assertEquals(400, invalid.path("error").path("status").asInt(), invalid::toString);
    shop.assertServicesStartedOnce();
  }

  @Test
  void anSqsBatchReportsExactlyThePoisonMessage() throws Exception {
    for (int round = 0; round < 2; round++) {
      String byAttribute = "order-a" + round;
      String byEnvelope = "order-b" + round;
      String poison = "poison-" + round;
      ObjectNode event = JSON.createObjectNode();
      var records = event.putArray("Records");
      records.add(sqsRecord("m1-" + round, "{\"orderId\":\"" + byAttribute + "\",\"quantity\":2}", "order.placed"));
      records.add(sqsRecord(poison, "{this is not json", "order.placed"));
      records.add(sqsRecord("m3-" + round, "{\"messageType\":\"customMessage\",\"id\":\"e" + round + "\",\"timestamp\":1,"
          + "\"eventName\":\"order.placed\",\"sender\":{\"serviceName\":\"checkout\",\"serviceVersion\":\"1\","
          + "\"serviceTarget\":\"place\"},\"payload\":{\"orderId\":\"" + byEnvelope + "\",\"quantity\":1}}", null));
      JsonNode answer = shop.answer(event.toString());
      JsonNode failures = answer.path("batchItemFailures");
      assertEquals(1, failures.size(), answer::toString);
      assertEquals(poison, failures.get(0).path("itemIdentifier").asText());
      JsonNode recorded = shop.stats().path("recordedOrders");
      assertTrue(recorded.toString().contains(byAttribute) && recorded.toString().contains(byEnvelope),
          recorded::toString);
    }
    shop.assertServicesStartedOnce();
  }

  @Test
  void sqsMessagesThatFailValidationOrHaveNoSubscriberAreReportedToo() throws Exception {
    ObjectNode event = JSON.createObjectNode();
    var records = event.putArray("Records");
    records.add(sqsRecord("ok", "{\"orderId\":\"fine\",\"quantity\":3}", "order.placed"));
    records.add(sqsRecord("invalid", "{\"orderId\":\"zero\",\"quantity\":0}", "order.placed"));
    records.add(sqsRecord("unknown", "{\"orderId\":\"x\",\"quantity\":1}", "order.cancelled"));
    records.add(sqsRecord("unnamed", "{\"orderId\":\"y\",\"quantity\":1}", null));
    List<String> failed = new ArrayList<>();
    shop.answer(event.toString()).path("batchItemFailures")
        .forEach(item -> failed.add(item.path("itemIdentifier").asText()));
    assertEquals(List.of("invalid", "unknown", "unnamed"), failed);
  }

  @Test
  void unknownShapesAndMalformedEventsFailTheInvocationAndTheLoopGoesOn() throws Exception {
    String type = "dev.purista.lambda.InvalidEventException";
    JsonNode before = shop.stats();
    LambdaRuntimeApiStandIn.Outcome unknown = runtime.invoke("{\"hello\":\"world\"}", TIMEOUT, WAIT);
    assertTrue(unknown.error());
    assertEquals("Runtime.UserException", unknown.errorType());
    assertEquals(type, JSON.readTree(unknown.body()).path("errorType").asText());
    assertTrue(JSON.readTree(unknown.body()).path("errorMessage").asText().contains("Unknown event shape"));

    LambdaRuntimeApiStandIn.Outcome malformed = runtime.invoke("{\"service\":", TIMEOUT, WAIT);
    assertTrue(malformed.error());
    assertEquals(type, JSON.readTree(malformed.body()).path("errorType").asText());
    assertTrue(JSON.readTree(malformed.body()).path("errorMessage").asText().contains("not JSON"));

    LambdaRuntimeApiStandIn.Outcome array = runtime.invoke("[1,2,3]", TIMEOUT, WAIT);
    assertEquals(type, JSON.readTree(array.body()).path("errorType").asText());

    byte[] huge = ("{\"padding\":\"" + "x".repeat(MAX_EVENT_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
    LambdaRuntimeApiStandIn.Outcome oversized = runtime.invoke(huge, TIMEOUT, WAIT);
    assertEquals(type, JSON.readTree(oversized.body()).path("errorType").asText());
    assertTrue(JSON.readTree(oversized.body()).path("errorMessage").asText().contains("PURISTA_LAMBDA_MAX_EVENT_BYTES"));

    assertTrue(function.isAlive());
    JsonNode after = shop.stats();
    assertEquals(before.path("invocations").asInt() + 1, after.path("invocations").asInt(),
        "no command ran for the refused events, only the stats call itself: " + after);
    assertEquals(before.path("recordedOrders"), after.path("recordedOrders"), "no subscription ran");
    assertEquals(200, shop.answer(v2("GET", "/api/v1/stats", "", null)).path("statusCode").asInt());
    shop.assertServicesStartedOnce();
  }

  @Test
  void anInvocationWithoutTimeLeftInvokesNothing() throws Exception {
    // The default margin is 200 ms: an invocation with 100 ms left answers 504 at once.
    LambdaRuntimeApiStandIn.Outcome outcome = runtime.invoke(v2("POST", "/api/v1/greetings", "", "{\"name\":\"Ada\"}")
        .toString(), Duration.ofMillis(100), WAIT);
    assertFalse(outcome.error(), outcome::toString);
    assertEquals(504, JSON.readTree(outcome.body()).path("statusCode").asInt(), outcome::toString);
  }

  @Test
  void logLinesAreJsonWithTheRequestId() throws Exception {
    ObjectNode event = JSON.createObjectNode();
    event.putArray("Records").add(sqsRecord("logged", "{\"orderId\":\"logged-order\",\"quantity\":1}", "order.placed"));
    LambdaRuntimeApiStandIn.Outcome handled = runtime.invoke(event.toString(), TIMEOUT, WAIT);
    LambdaRuntimeApiStandIn.Outcome refused = runtime.invoke("{\"unknown\":true}", TIMEOUT, WAIT);

    assertNotEquals(handled.requestId(), refused.requestId(), "each invocation has a request id of its own");

    // The handler runs on its service's thread: its line carries the trace id, which is the request id here.
    JsonNode handlerLine = logLine("recorded order logged-order");
    assertEquals(handled.requestId(), handlerLine.path("traceId").asText(), handlerLine::toString);
    assertEquals("shop", handlerLine.path("service").asText());
    assertEquals("INFO", handlerLine.path("level").asText());
    // The adapter logs on the invocation's thread, where the MDC holds the request id Lambda handed out.
    JsonNode adapterLine = logLine("Unknown event shape with fields [unknown]");
    assertEquals(refused.requestId(), adapterLine.path("awsRequestId").asText(), adapterLine::toString);
    assertEquals("ERROR", adapterLine.path("level").asText());
    assertEquals("dev.purista.lambda.internal.EventRouter", adapterLine.path("logger").asText());
    Instant.parse(adapterLine.path("timestamp").asText());
  }

  @Test
  void theLevelComesFromTheLambdaLogLevelVariable() throws Exception {
    JsonNode priming = logLine("primed OPTIONS /api/v1/greetings");
    assertEquals("DEBUG", priming.path("level").asText(), priming::toString);
    assertEquals("dev.purista.lambda.internal.RoutePriming", priming.path("logger").asText());
  }

  @Test
  void eachKindOfBadEventIsLoggedWithItsRequestId() throws Exception {
    LambdaRuntimeApiStandIn.Outcome empty = runtime.invoke("", TIMEOUT, WAIT);
    LambdaRuntimeApiStandIn.Outcome malformed = runtime.invoke("{\"service\":", TIMEOUT, WAIT);
    LambdaRuntimeApiStandIn.Outcome array = runtime.invoke("[1,2,3]", TIMEOUT, WAIT);
    LambdaRuntimeApiStandIn.Outcome oversized = runtime.invoke(
        ("{\"padding\":\"" + "x".repeat(MAX_EVENT_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8), TIMEOUT, WAIT);

    assertLogged(empty, "The event is empty; nothing was invoked");
    assertLogged(malformed, "The event is not JSON (");
    assertLogged(array, "Unknown event shape with fields [(a JSON array, not an object)]");
    assertLogged(oversized, "The event has more than " + MAX_EVENT_BYTES + " bytes (PURISTA_LAMBDA_MAX_EVENT_BYTES)");
  }

  /** Some line says {@code text} for the invocation of {@code outcome}, as an error with its request id. */
  private static void assertLogged(LambdaRuntimeApiStandIn.Outcome outcome, String text) throws Exception {
    assertTrue(outcome.error(), outcome::toString);
    for (int attempt = 0; attempt < 50; attempt++) {
      for (String line : function.output()) {
        if (line.contains(text)) {
          JsonNode json = JSON.readTree(line);
          if (outcome.requestId().equals(json.path("awsRequestId").asText())) {
            assertEquals("ERROR", json.path("level").asText(), line);
            assertTrue(json.path("message").asText().endsWith("nothing was invoked"), line);
            return;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no line says " + text + " for request " + outcome.requestId() + ":\n"
        + String.join("\n", function.output()));
  }

  private static JsonNode logLine(String containing) throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      for (String line : function.output()) {
        if (line.contains(containing)) {
          return JSON.readTree(line);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no log line contains " + containing + ":\n" + String.join("\n", function.output()));
  }

  private static ObjectNode sqsRecord(String id, String body, String eventName) {
    ObjectNode record = JSON.createObjectNode();
    record.put("messageId", id).put("receiptHandle", "handle-" + id).put("body", body)
        .put("eventSource", "aws:sqs").put("eventSourceARN", "arn:aws:sqs:eu-central-1:123456789012:orders")
        .put("awsRegion", "eu-central-1");
    ObjectNode attributes = record.putObject("messageAttributes");
    if (eventName != null) {
      attributes.putObject("eventName").put("stringValue", eventName).put("dataType", "String");
    }
    return record;
  }

  private static ObjectNode v2(String method, String rawPath, String query, String body) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "2.0").put("routeKey", "$default").put("rawPath", rawPath).put("rawQueryString", query);
    event.putObject("headers").put("content-type", "application/json").put("host", "api.example.com");
    ObjectNode context = event.putObject("requestContext");
    context.put("stage", "$default").put("requestId", "JKJaXmPLvHcESHA=");
    context.putObject("http").put("method", method).put("path", rawPath).put("protocol", "HTTP/1.1");
    if (body != null) {
      event.put("body", body);
    }
    event.put("isBase64Encoded", false);
    return event;
  }
}
