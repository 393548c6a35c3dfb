package dev.purista.lambda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purista.core.message.Message;
import dev.purista.lambda.EventDeliveryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SNS notifications and EventBridge events, which Lambda delivers asynchronously: each goes to this function's
 * subscriptions for its event, and when any fails the invocation fails ({@link EventDeliveryException}), so that
 * Lambda retries it and, after its retries, hands it to the function's failure destination or dead-letter queue.
 *
 * <p>An SNS message is a PURISTA event message, or the payload as JSON with the event name in the message
 * attribute {@code eventName}. An EventBridge event's {@code detail-type} is the event name and its
 * {@code detail} the payload.
 */
final class NotificationEvents {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationEvents.class);
  private final EventMessages sns;
  private final EventMessages eventBridge;

  NotificationEvents(LocalSubscriptions subscriptions) {
    this.sns = new EventMessages(subscriptions, "sns");
    this.eventBridge = new EventMessages(subscriptions, "eventbridge");
  }

  static boolean isSns(JsonNode event) {
    JsonNode records = event.path("Records");
    return records.isArray() && records.size() > 0 && "aws:sns".equals(records.get(0).path("EventSource").asText());
  }

  static boolean isEventBridge(JsonNode event) {
    return event.path("detail-type").isTextual() && event.path("source").isTextual() && event.has("detail");
  }

  /** The answer to an SNS event: {@code {"delivered": n}}. */
  JsonNode answerSns(JsonNode event, String traceId, Duration deadline) {
    List<CompletableFuture<Void>> outcomes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (JsonNode record : event.path("Records")) {
      JsonNode notification = record.path("Sns");
      String id = notification.path("MessageId").asText();
      ids.add(id);
      try {
        Message message = sns.fromBody(notification.path("Message").asText(""),
            notification.path("MessageAttributes").path(SqsBatches.EVENT_NAME_ATTRIBUTE).path("Value").asText(""),
            traceId);
        outcomes.add(sns.deliver(message, "SNS message " + id));
      } catch (IllegalArgumentException e) {
        LOG.warn("SNS message {} refused: {}", id, e.getMessage());
        outcomes.add(CompletableFuture.failedFuture(e));
      }
    }
    await(outcomes, ids, "SNS message", deadline);
    return LambdaJson.mapper().createObjectNode().put("delivered", ids.size());
  }

  /** The answer to an EventBridge event: {@code {"delivered": 1}}. */
  JsonNode answerEventBridge(JsonNode event, String traceId, Duration deadline) {
    String id = event.path("id").asText();
    CompletableFuture<Void> outcome;
    try {
      Message message = eventBridge.fromPayload(event.get("detail"), event.path("detail-type").asText(), traceId);
      outcome = eventBridge.deliver(message, "EventBridge event " + id);
    } catch (IllegalArgumentException e) {
      LOG.warn("EventBridge event {} refused: {}", id, e.getMessage());
      outcome = CompletableFuture.failedFuture(e);
    }
    await(List.of(outcome), List.of(id), "EventBridge event", deadline);
    return LambdaJson.mapper().createObjectNode().put("delivered", 1);
  }

  private static void await(List<CompletableFuture<Void>> outcomes, List<String> ids, String kind, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      try {
        outcomes.get(i).get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        failed.add(ids.get(i));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.add(ids.get(i));
      }
    }
    if (!failed.isEmpty()) {
      throw new EventDeliveryException(kind + (failed.size() == 1 ? " " : "s ") + String.join(", ", failed)
          + " not delivered: a subscription failed, none takes the event, or the deadline passed");
    }
  }
}
