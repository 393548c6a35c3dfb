package dev.purista.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.http.HttpSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The function in process, on the in-memory bridge: how each event shape is read, how deadlines are chosen, and
 * what SQS batches answer. The runtime client's view of the same is in purista-lambda-it.
 */
class LambdaFunctionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestServices services = new TestServices("test");
  private LambdaFunction function;

  @AfterEach
  void stop() {
    if (function != null) {
      function.stop();
    }
  }

  private LambdaFunction start(LambdaSettings settings) {
    function = LambdaFunction.builder().service(services.definition).settings(settings).build().start();
    return function;
  }

  private LambdaFunction start() {
    return start(LambdaSettings.builder().build());
  }

  private JsonNode handle(JsonNode event, Duration remaining) throws Exception {
    return JSON.readTree(function.handle(JSON.writeValueAsBytes(event), "req-1", remaining));
  }

  private JsonNode handle(JsonNode event) throws Exception {
    return handle(event, Duration.ofSeconds(30));
  }

  @Test
  void aV1EventBindsMultiValueQueryAndPathVariables() throws Exception {
    start();
    ObjectNode event = JSON.createObjectNode();
    event.put("httpMethod", "POST").put("path", "/api/v1/echo/de");
    event.putObject("multiValueHeaders").putArray("Content-Type").add("application/json");
    ObjectNode query = event.putObject("multiValueQueryStringParameters");
    query.putArray("tag").add("a b").add("c&d");
    event.put("body", "{\"name\":\"Ada\"}");
    JsonNode answer = handle(event);
    assertEquals(200, answer.path("statusCode").asInt(), answer::toString);
    JsonNode body = JSON.readTree(answer.path("body").asText());
    assertEquals("de", body.path("lang").asText());
    assertEquals(List.of("a b", "c&d"), List.of(body.path("tag").get(0).asText(), body.path("tag").get(1).asText()));
    assertEquals("req-1", answer.path("headers").path("x-trace-id").asText(), "the request id is the trace id");
  }

  @Test
  void aV2EventKeepsACallersTraceIdAndReadsTheRawQuery() throws Exception {
    start();
    ObjectNode event = v2("POST", "/api/v1/echo/en", "tag=x&tag=y", "{\"name\":\"Ada\"}");
    ((ObjectNode) event.path("headers")).put("x-trace-id", "caller-trace");
    JsonNode answer = handle(event);
    assertEquals(200, answer.path("statusCode").asInt(), answer::toString);
    assertEquals("caller-trace", answer.path("headers").path("x-trace-id").asText());
    assertEquals("[\"x\",\"y\"]", JSON.readTree(answer.path("body").asText()).path("tag").toString());
  }

  @Test
  void servicesRunWithoutASpinningHandOffThreadUnlessTheirOptionsSaySo() throws Exception {
    TestServices spinning = new TestServices("spinning", "2");
    function = LambdaFunction.builder().service(services.definition)
        .service(spinning.definition, dev.purista.core.ServiceOptions.defaults())
        .settings(LambdaSettings.builder().build()).build().start();
    for (String service : List.of("test\",\"version\":\"1", "spinning\",\"version\":\"2")) {
      JsonNode answer = handle(JSON.readTree("{\"service\":\"" + service
          + "\",\"command\":\"echo\",\"payload\":{\"name\":\"A\"}}"));
      assertEquals("A", answer.path("name").asText(), answer::toString);
    }
    List<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
    assertTrue(threads.contains("purista-spinning-v2-hand-off"), threads::toString);
    assertTrue(!threads.contains("purista-test-v1-hand-off"), threads::toString);
  }

  @Test
  void healthAnswersFromTheApplication() throws Exception {
    start();
    JsonNode answer = handle(v2("GET", "/healthz/ready", "", null));
    assertEquals(200, answer.path("statusCode").asInt(), answer::toString);
    assertEquals("UP", JSON.readTree(answer.path("body").asText()).path("status").asText());
  }

  @Test
  void aBodyThatIsNotBase64Is400AndNothingRuns() throws Exception {
    start();
    ObjectNode event = v2("POST", "/api/v1/echo/en", "", "not base64!");
    event.put("isBase64Encoded", true);
    JsonNode answer = handle(event);
    assertEquals(400, answer.path("statusCode").asInt(), answer::toString);
    assertEquals(0, services.echoes.get());
  }

  @Test
  void anOversizedBodyIs413AndNothingRuns() throws Exception {
    start(LambdaSettings.builder().http(HttpSettings.builder().maxBodyBytes(16).build()).build());
    JsonNode answer = handle(v2("POST", "/api/v1/echo/en", "", "{\"name\":\"a name longer than 16 bytes\"}"));
    assertEquals(413, answer.path("statusCode").asInt(), answer::toString);
    assertEquals(0, services.echoes.get());
  }

  @Test
  void theDeadlineIsTheRemainingTimeLessTheMarginWhenThatIsShorter() throws Exception {
    start(LambdaSettings.builder().deadlineMargin(Duration.ofMillis(200)).build());
    long started = System.nanoTime();
    JsonNode answer = handle(v2("POST", "/api/v1/naps", "", "{\"millis\":3000}"), Duration.ofMillis(700));
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(504, answer.path("statusCode").asInt(), answer::toString);
    assertTrue(answer.path("body").asText().contains("within 500 ms"), answer::toString);
    assertTrue(tookMs < 2500, "answered after " + tookMs + " ms");
  }

  @Test
  void theDeadlineIsTheCommandTimeoutWhenThatIsShorter() throws Exception {
    start(LambdaSettings.builder().http(HttpSettings.builder().commandTimeout(Duration.ofMillis(300)).build())
        .build());
    JsonNode answer = handle(v2("POST", "/api/v1/naps", "", "{\"millis\":3000}"), Duration.ofSeconds(60));
    assertEquals(504, answer.path("statusCode").asInt(), answer::toString);
    assertTrue(answer.path("body").asText().contains("within 300 ms"), answer::toString);
  }

  @Test
  void noTimeLeftInvokesNothing() throws Exception {
    start();
    JsonNode http = handle(v2("POST", "/api/v1/naps", "", "{\"millis\":1}"), Duration.ofMillis(150));
    assertEquals(504, http.path("statusCode").asInt(), http::toString);
    JsonNode direct = handle(JSON.readTree("{\"service\":\"test\",\"version\":\"1\",\"command\":\"nap\","
        + "\"payload\":{\"millis\":1}}"), Duration.ofMillis(150));
    assertEquals(504, direct.path("error").path("status").asInt(), direct::toString);
    assertEquals(0, services.naps.get());
  }

  @Test
  void aDirectInvocationPastItsDeadlineAnswersTheTimeoutErrorObject() throws Exception {
    start(LambdaSettings.builder().deadlineMargin(Duration.ofMillis(200)).build());
    long started = System.nanoTime();
    JsonNode answer = handle(JSON.readTree("{\"service\":\"test\",\"command\":\"nap\",\"payload\":{\"millis\":3000}}"),
        Duration.ofMillis(700));
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(504, answer.path("error").path("status").asInt(), answer::toString);
    assertFalse(answer.path("error").path("message").asText().isBlank(), answer::toString);
    assertEquals(1, answer.size(), "only the error object: " + answer);
    assertEquals(1, services.naps.get(), "the command was invoked");
    assertTrue(tookMs < 2500, "answered after " + tookMs + " ms");
  }

  @Test
  void aDirectInvocationWithoutVersionMeansVersionOne() throws Exception {
    start();
    JsonNode answer = handle(JSON.readTree("{\"service\":\"test\",\"command\":\"echo\",\"payload\":{\"name\":\"Ada\"},"
        + "\"parameter\":{\"lang\":\"fr\"}}"));
    assertEquals("Ada", answer.path("name").asText(), answer::toString);
    assertEquals("fr", answer.path("lang").asText());
  }

  @Test
  void anUnhandledFailureOfADirectInvocationIsABare500() throws Exception {
    start();
    JsonNode answer = handle(JSON.readTree("{\"service\":\"test\",\"command\":\"nap\",\"payload\":{\"millis\":-1}}"));
    assertEquals(500, answer.path("error").path("status").asInt(), answer::toString);
    assertEquals("Internal Server Error", answer.path("error").path("message").asText());
    assertTrue(!answer.toString().contains("negative"), "the exception's message stays in the log: " + answer);
  }

  @Test
  void aStandardQueueBatchRunsEveryMessageAndListsTheFailedOnes() throws Exception {
    start();
    JsonNode answer = handle(sqs("arn:aws:sqs:eu-central-1:1:orders", "o1", "fail-2", "o3"));
    assertEquals(List.of("id-fail-2"), failures(answer));
    assertEquals(List.of("o1", "o3"), services.orders.stream().sorted().toList());
  }

  @Test
  void aMessageNotDoneByTheDeadlineIsReportedFailed() throws Exception {
    start(LambdaSettings.builder().deadlineMargin(Duration.ofMillis(200)).build());
    long started = System.nanoTime();
    JsonNode answer = handle(sqs("arn:aws:sqs:eu-central-1:1:orders", "o1", "slow-2"), Duration.ofMillis(700));
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(List.of("id-slow-2"), failures(answer));
    assertEquals(List.of("o1"), services.orders);
    assertTrue(tookMs < 1500, "answered at the deadline, not when the message was done: " + tookMs + " ms");
  }

  @Test
  void aFifoBatchStopsAtTheFirstFailureAndReportsTheRestUnprocessed() throws Exception {
    start();
    JsonNode answer = handle(sqs("arn:aws:sqs:eu-central-1:1:orders.fifo", "o1", "fail-2", "o3"));
    assertEquals(List.of("id-fail-2", "id-o3"), failures(answer));
    assertEquals(List.of("o1"), services.orders);
  }

  @Test
  void snsNotificationsGoToTheSubscriptionsAndAFailureFailsTheInvocation() throws Exception {
    start();
    JsonNode answer = handle(sns("o1", "o2"));
    assertEquals(2, answer.path("delivered").asInt(), answer::toString);
    assertEquals(List.of("o1", "o2"), services.orders.stream().sorted().toList());
    EventDeliveryException failed = assertThrows(EventDeliveryException.class,
        () -> function.handle(JSON.writeValueAsBytes(sns("o3", "fail-4")), "r", Duration.ofSeconds(5)));
    assertTrue(failed.getMessage().contains("sns-fail-4"), failed.getMessage());
    assertTrue(!failed.getMessage().contains("sns-o3"), failed.getMessage());
  }

  @Test
  void anEventBridgeEventsDetailTypeIsTheEventName() throws Exception {
    start();
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "0").put("id", "eb-1").put("detail-type", "order.placed").put("source", "shop.checkout");
    event.putObject("detail").put("orderId", "from-eventbridge");
    assertEquals(1, handle(event).path("delivered").asInt());
    assertEquals(List.of("from-eventbridge"), services.orders);
    event.put("detail-type", "order.cancelled");
    EventDeliveryException nobody = assertThrows(EventDeliveryException.class,
        () -> function.handle(JSON.writeValueAsBytes(event), "r", Duration.ofSeconds(5)));
    assertTrue(nobody.getMessage().contains("eb-1"), nobody.getMessage());
  }

  @Test
  void unknownShapesAndBadJsonAreInvalidEvents() {
    start();
    InvalidEventException unknown = assertThrows(InvalidEventException.class,
        () -> function.handle("{\"detail-type\":\"x\"}".getBytes(StandardCharsets.UTF_8), "r", Duration.ofSeconds(5)));
    assertTrue(unknown.getMessage().contains("[detail-type]"), unknown.getMessage());
    assertThrows(InvalidEventException.class,
        () -> function.handle("{".getBytes(StandardCharsets.UTF_8), "r", Duration.ofSeconds(5)));
    InvalidEventException empty = assertThrows(InvalidEventException.class,
        () -> function.handle(new byte[0], "r", Duration.ofSeconds(5)));
    assertEquals("The event is empty", empty.getMessage());
    assertThrows(InvalidEventException.class,
        () -> function.handle("\"text\"".getBytes(StandardCharsets.UTF_8), "r", Duration.ofSeconds(5)));
    // An SQS batch but for its event source: records of an unknown source run no subscription either.
    ObjectNode unknownSource = sqs("arn:aws:sqs:eu-central-1:1:orders", "o1");
    ((ObjectNode) unknownSource.path("Records").get(0)).remove("eventSource");
    assertThrows(InvalidEventException.class,
        () -> function.handle(JSON.writeValueAsBytes(unknownSource), "r", Duration.ofSeconds(5)));
    assertEquals(0, services.echoes.get() + services.naps.get(), "no command ran");
    assertEquals(List.of(), services.orders, "no subscription ran");
  }

  @Test
  void anEventOverTheLimitIsInvalid() {
    start(LambdaSettings.builder().maxEventBytes(100).build());
    byte[] event = ("{\"service\":\"test\",\"command\":\"echo\",\"payload\":{\"name\":\"" + "x".repeat(100) + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
    InvalidEventException error = assertThrows(InvalidEventException.class,
        () -> function.handle(event, "r", Duration.ofSeconds(5)));
    assertTrue(error.getMessage().contains("limit is 100"), error.getMessage());
    assertEquals(0, services.echoes.get());
  }

  @Test
  void settingsComeFromTheEnvironment() {
    LambdaSettings settings = LambdaSettings.fromEnvironment(java.util.Map.of(
        "PURISTA_LAMBDA_MAX_EVENT_BYTES", "1000", "PURISTA_LAMBDA_DEADLINE_MARGIN", "1s",
        "PURISTA_HTTP_MAX_BODY_BYTES", "10", "PURISTA_HTTP_CORS_ORIGINS", "https://example.com",
        "PURISTA_HTTP_COMMAND_TIMEOUT", "5s")).build();
    assertTrue(settings.http().cors().enabled());
    assertEquals(Duration.ofSeconds(5), settings.http().commandTimeout());
    assertEquals(1000, settings.maxEventBytes());
    assertEquals(Duration.ofSeconds(1), settings.deadlineMargin());
    assertEquals(10, settings.http().maxBodyBytes());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> LambdaSettings.fromEnvironment(
        java.util.Map.of("PURISTA_LAMBDA_DEADLINE_MARGIN", "200")));
    assertTrue(bad.getMessage().contains("PURISTA_LAMBDA_DEADLINE_MARGIN"), bad.getMessage());
  }

  private static List<String> failures(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.path("batchItemFailures").forEach(item -> ids.add(item.path("itemIdentifier").asText()));
    return ids;
  }

  private static ObjectNode sqs(String arn, String... orderIds) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (String orderId : orderIds) {
      ObjectNode record = records.addObject();
      record.put("messageId", "id-" + orderId).put("eventSource", "aws:sqs").put("eventSourceARN", arn)
          .put("body", "{\"orderId\":\"" + orderId + "\"}");
      record.putObject("messageAttributes").putObject("eventName").put("stringValue", "order.placed");
    }
    return event;
  }

  private static ObjectNode sns(String... orderIds) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (String orderId : orderIds) {
      ObjectNode record = records.addObject();
      record.put("EventSource", "aws:sns");
      ObjectNode notification = record.putObject("Sns");
      notification.put("MessageId", "sns-" + orderId).put("Message", "{\"orderId\":\"" + orderId + "\"}");
      notification.putObject("MessageAttributes").putObject("eventName").put("Type", "String")
          .put("Value", "order.placed");
    }
    return event;
  }

  static ObjectNode v2(String method, String rawPath, String query, String body) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "2.0").put("rawPath", rawPath).put("rawQueryString", query);
    event.putObject("headers").put("content-type", "application/json");
    event.putArray("cookies").add("a=1").add("b=2");
    ObjectNode context = event.putObject("requestContext");
    context.put("stage", "$default");
    context.putObject("http").put("method", method);
    if (body != null) {
      event.put("body", body);
    }
    return event;
  }
}
