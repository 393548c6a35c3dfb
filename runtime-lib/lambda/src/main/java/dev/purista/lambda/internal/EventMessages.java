package dev.purista.lambda.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.MessageType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Events that arrive from AWS messaging (SQS, SNS, EventBridge) as PURISTA event messages, and their delivery to
 * this function's subscriptions. A body is either a whole PURISTA event message (it has {@code messageType}), or
 * the event's payload as JSON, with the event name given beside it (a message attribute, EventBridge's
 * {@code detail-type}).
 */
final class EventMessages {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventMessages.class);
  private final LocalSubscriptions subscriptions;
  private final MessageCodec codec;
  private final ObjectMapper mapper = LambdaJson.mapper();
  private final MessageAddress sender;

  EventMessages(LocalSubscriptions subscriptions, String source) {
    this.subscriptions = subscriptions;
    this.codec = new MessageCodec(mapper);
    this.sender = new MessageAddress(source, "1", "lambda", subscriptions.instanceId());
  }

  /**
   * The event in {@code body}; {@code eventName} names it when the body is a bare payload.
   *
   * @throws IllegalArgumentException when the body is not JSON, not a valid PURISTA message, or names no event
   */
  Message fromBody(String body, String eventName, String traceId) {
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not JSON");
    }
    if (json != null && json.isObject() && json.has("messageType")) {
      return fromEnvelope(body.getBytes(StandardCharsets.UTF_8));
    }
    return fromPayload(json, eventName, traceId);
  }

  /** An event whose payload is already a JSON tree, such as EventBridge's {@code detail}. */
  Message fromPayload(JsonNode payload, String eventName, String traceId) {
    if (eventName == null || eventName.isEmpty()) {
      throw new IllegalArgumentException("neither a PURISTA message nor an event name beside it");
    }
    return Message.builder(MessageType.CUSTOM_MESSAGE)
        .eventName(eventName)
        .sender(sender)
        .traceId(traceId)
        .payload(payload == null || payload.isNull() || payload.isMissingNode() ? null
            : mapper.convertValue(payload, Object.class))
        .build();
  }

  private Message fromEnvelope(byte[] body) {
    Message message;
    try {
      message = codec.decode(body);
    } catch (MalformedMessageException e) {
      throw new IllegalArgumentException("the body is no valid PURISTA message: " + e.getMessage());
    }
    if (!message.isEvent()) {
      throw new IllegalArgumentException("the message has no event name");
    }
    return message;
  }

  /**
   * Hands {@code event} ({@code what}, for the log) to its subscriptions; fails when any of them failed (which
   * logs it), or none takes it (logged here).
   */
  CompletableFuture<Void> deliver(Message event, String what) {
    List<CompletableFuture<Void>> outcomes = subscriptions.deliver(event);
    if (outcomes.isEmpty()) {
      LOG.warn("{}: no subscription of this function takes event {}", what, event.eventName());
      return CompletableFuture.failedFuture(new IllegalArgumentException("no subscription of this function takes "
          + "event " + event.eventName()));
    }
    return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new));
  }
}
