package dev.purista.lambda.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.testkit.LambdaFunctionProcess;
import dev.purista.testkit.LambdaRuntimeApiStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SNS notifications and EventBridge events through AWS's runtime interface client: each reaches the subscription
 * for its event and is answered as documented, and one that a subscription fails on is reported on {@code /error}
 * as an {@code EventDeliveryException}, so that Lambda would retry it, while the runtime loop goes on.
 */
class NotificationEventsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = RunningShopFunction.TIMEOUT;
  private static final Duration WAIT = RunningShopFunction.WAIT;
  private static final String DELIVERY_FAILED = "dev.purista.lambda.EventDeliveryException";

  @TempDir
  static Path workDir;
  private static RunningShopFunction shop;
  private static LambdaRuntimeApiStandIn runtime;
  private static LambdaFunctionProcess function;

  @BeforeAll
  static void startFunction() throws Exception {
    shop = RunningShopFunction.start(workDir, Map.of());
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
  void snsMessagesReachTheSubscriptionByAttributeAndByEnvelope() throws Exception {
    for (int round = 0; round < 2; round++) {
      String byAttribute = "sns-a" + round;
      String byEnvelope = "sns-b" + round;
      ObjectNode event = JSON.createObjectNode();
      var records = event.putArray("Records");
      records.add(snsRecord("n1-" + round, order(byAttribute), "order.placed"));
      records.add(snsRecord("n2-" + round, "{\"messageType\":\"customMessage\",\"id\":\"s" + round + "\","
          + "\"timestamp\":1,\"eventName\":\"order.placed\",\"sender\":{\"serviceName\":\"checkout\","
          + "\"serviceVersion\":\"1\",\"serviceTarget\":\"place\"},\"payload\":" + order(byEnvelope) + "}", null));
      JsonNode answer = shop.answer(event);
      assertEquals(2, answer.path("delivered").asInt(), answer::toString);
      assertRecorded(byAttribute, byEnvelope);
    }
    shop.assertServicesStartedOnce();
  }

  @Test
  void anEventBridgeEventsDetailTypeNamesTheEventAndItsDetailIsThePayload() throws Exception {
    for (int round = 0; round < 2; round++) {
      String orderId = "eventbridge-" + round;
      JsonNode answer = shop.answer(eventBridge("eb-" + round, "order.placed", orderId));
      assertEquals(1, answer.path("delivered").asInt(), answer::toString);
      assertRecorded(orderId);
    }
    shop.assertServicesStartedOnce();
  }

  @Test
  void anSnsMessageASubscriptionFailsOnFailsTheInvocationAndTheLoopGoesOn() throws Exception {
    int refusedBefore = shop.stats().path("refusedDisputes").asInt();
    ObjectNode event = JSON.createObjectNode();
    var records = event.putArray("Records");
    records.add(snsRecord("fine-message", order("sns-fine"), "order.placed"));
    records.add(snsRecord("disputed-message", order("sns-disputed"), "order.disputed"));

    LambdaRuntimeApiStandIn.Outcome outcome = runtime.invoke(event.toString(), TIMEOUT, WAIT);

    String message = assertDeliveryFailed(outcome);
    assertTrue(message.contains("disputed-message"), message);
    assertFalse(message.contains("fine-message"), "only the failed message is named: " + message);
    JsonNode after = shop.stats();
    assertEquals(refusedBefore + 1, after.path("refusedDisputes").asInt(), "the failing subscription ran once");
    assertTrue(after.path("recordedOrders").toString().contains("sns-fine"), after::toString);
    assertTheLoopGoesOn("after-sns-failure");
  }

  @Test
  void anEventBridgeEventASubscriptionFailsOnFailsTheInvocationAndTheLoopGoesOn() throws Exception {
    int refusedBefore = shop.stats().path("refusedDisputes").asInt();

    LambdaRuntimeApiStandIn.Outcome outcome = runtime.invoke(
        eventBridge("eb-disputed", "order.disputed", "eventbridge-disputed").toString(), TIMEOUT, WAIT);

    String message = assertDeliveryFailed(outcome);
    assertTrue(message.contains("EventBridge event eb-disputed"), message);
    assertEquals(refusedBefore + 1, shop.stats().path("refusedDisputes").asInt(), "the failing subscription ran once");
    assertTheLoopGoesOn("after-eventbridge-failure");
  }

  @Test
  void anEventNoSubscriptionTakesFailsTheInvocationWithoutRunningOne() throws Exception {
    JsonNode before = shop.stats();

    LambdaRuntimeApiStandIn.Outcome outcome = runtime.invoke(
        eventBridge("eb-cancelled", "order.cancelled", "eventbridge-cancelled").toString(), TIMEOUT, WAIT);

    assertTrue(assertDeliveryFailed(outcome).contains("eb-cancelled"), outcome::toString);
    JsonNode after = shop.stats();
    assertEquals(before.path("refusedDisputes"), after.path("refusedDisputes"), "no subscription ran");
    assertEquals(before.path("recordedOrders"), after.path("recordedOrders"), "no subscription ran");
    assertTheLoopGoesOn("after-no-subscriber");
  }

  /** The invocation was reported on {@code /error} as a failed delivery; its error message. */
  private static String assertDeliveryFailed(LambdaRuntimeApiStandIn.Outcome outcome) throws Exception {
    assertTrue(outcome.error(), () -> "the invocation should have failed: " + outcome);
    assertEquals("Runtime.UserException", outcome.errorType(), outcome::toString);
    JsonNode error = JSON.readTree(outcome.body());
    assertEquals(DELIVERY_FAILED, error.path("errorType").asText(), outcome::toString);
    return error.path("errorMessage").asText();
  }

  /** The same process answers the next event and its subscription runs: the failure did not end the loop. */
  private static void assertTheLoopGoesOn(String orderId) throws Exception {
    assertTrue(function.isAlive());
    assertEquals(1, shop.answer(eventBridge("eb-" + orderId, "order.placed", orderId)).path("delivered").asInt());
    assertRecorded(orderId);
    shop.assertServicesStartedOnce();
  }

  private static void assertRecorded(String... orderIds) throws Exception {
    List<String> recorded = new ArrayList<>();
    shop.stats().path("recordedOrders").forEach(id -> recorded.add(id.asText()));
    assertTrue(recorded.containsAll(List.of(orderIds)), () -> recorded + " lacks one of " + List.of(orderIds));
  }

  private static String order(String orderId) {
    return "{\"orderId\":\"" + orderId + "\",\"quantity\":1}";
  }

  /** An SNS record as Lambda hands it over; {@code eventName}, when given, as the message attribute. */
  private static ObjectNode snsRecord(String messageId, String message, String eventName) {
    ObjectNode record = JSON.createObjectNode();
    record.put("EventVersion", "1.0").put("EventSource", "aws:sns")
        .put("EventSubscriptionArn", "arn:aws:sns:eu-central-1:123456789012:orders:2bcfbf39");
    ObjectNode sns = record.putObject("Sns");
    sns.put("Type", "Notification").put("MessageId", messageId)
        .put("TopicArn", "arn:aws:sns:eu-central-1:123456789012:orders").put("Message", message)
        .put("Timestamp", "2026-01-01T00:00:00.000Z");
    ObjectNode attributes = sns.putObject("MessageAttributes");
    if (eventName != null) {
      attributes.putObject("eventName").put("Type", "String").put("Value", eventName);
    }
    return record;
  }

  /** An EventBridge event as Lambda hands it over. */
  private static ObjectNode eventBridge(String id, String detailType, String orderId) throws Exception {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "0").put("id", id).put("detail-type", detailType).put("source", "shop.checkout")
        .put("account", "123456789012").put("time", "2026-01-01T00:00:00Z").put("region", "eu-central-1");
    event.putArray("resources");
    event.set("detail", JSON.readTree(order(orderId)));
    return event;
  }
}
