package dev.purista.lambda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.core.message.Message;
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
 * An SQS batch: each message goes to this function's subscriptions for its event, and the answer lists the
 * messages that failed ({@code batchItemFailures}), so that SQS redelivers those alone. The function's event
 * source mapping must have {@code ReportBatchItemFailures} on.
 *
 * <p>A message's body is either a whole PURISTA event message ({@code messageType}, {@code eventName}, ...), as
 * a bridge or another PURISTA service writes it, or the event's payload as JSON with the event name in the
 * message attribute {@code eventName}. A message fails when its body is not JSON, it names no event, no
 * subscription of this function takes its event, a subscription fails on it, or it is not done by the deadline.
 * Messages of a standard queue run side by side; those of a FIFO queue one after another, and after the first
 * failure the rest of the batch is reported failed unprocessed, to keep the group's order.
 */
final class SqsBatches {
  private static final Logger LOG = LoggerFactory.getLogger(SqsBatches.class);
  static final String EVENT_NAME_ATTRIBUTE = "eventName";

  private final EventMessages messages;
  private final ObjectMapper mapper = LambdaJson.mapper();

  SqsBatches(LocalSubscriptions subscriptions) {
    this.messages = new EventMessages(subscriptions, "sqs");
  }


  static boolean matches(JsonNode event) {
    JsonNode records = event.path("Records");
    return records.isArray() && records.size() > 0 && "aws:sqs".equals(records.get(0).path("eventSource").asText());
  }

  JsonNode answer(JsonNode event, String traceId, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    List<String> failed = new ArrayList<>();
    boolean fifo = event.path("Records").get(0).path("eventSourceARN").asText().endsWith(".fifo");
    if (fifo) {
      for (JsonNode record : event.path("Records")) {
        String id = record.path("messageId").asText();
        if (!failed.isEmpty() || !succeeded(id, start(record, traceId), end)) {
          failed.add(id);
        }
      }
    } else {
      List<String> ids = new ArrayList<>();
      List<CompletableFuture<Void>> outcomes = new ArrayList<>();
      for (JsonNode record : event.path("Records")) {
        ids.add(record.path("messageId").asText());
        outcomes.add(start(record, traceId));
      }
      for (int i = 0; i < ids.size(); i++) {
        if (!succeeded(ids.get(i), outcomes.get(i), end)) {
          failed.add(ids.get(i));
        }
      }
    }
    ObjectNode answer = mapper.createObjectNode();
    ArrayNode failures = answer.putArray("batchItemFailures");
    failed.forEach(id -> failures.addObject().put("itemIdentifier", id));
    return answer;
  }

  /** Hands one record to its subscriptions; the future fails when any of them failed or none took it. */
  private CompletableFuture<Void> start(JsonNode record, String traceId) {
    String id = record.path("messageId").asText();
    try {
      Message message = messages.fromBody(record.path("body").asText(""),
          record.path("messageAttributes").path(EVENT_NAME_ATTRIBUTE).path("stringValue").asText(""), traceId);
      return messages.deliver(message, "SQS message " + id);
    } catch (IllegalArgumentException e) {
      LOG.warn("SQS message {} refused: {}", id, e.getMessage());
      return CompletableFuture.failedFuture(e);
    }
  }

  private static boolean succeeded(String id, CompletableFuture<Void> outcome, long end) {
    try {
      outcome.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (ExecutionException e) {
      // The subscription logged its own failure with the message id.
      return false;
    } catch (TimeoutException e) {
      LOG.warn("SQS message {} not done by the invocation's deadline; it is reported failed", id);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
