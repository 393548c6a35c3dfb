package dev.purista.core.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Turns messages into PURISTA's JSON and back. Decoding checks what a receiver relies on (type, id, sender,
 * and for commands the receiver, correlation id and {@code {payload, parameter}}), so that a malformed or
 * foreign message is rejected here with a message that says what is wrong, instead of failing later in a
 * handler.
 */
public final class MessageCodec {
  private final ObjectMapper mapper;

  /** A codec with the runtime's JSON configuration ({@link JsonMappers#standard()}). */
  public MessageCodec() {
    this(DefaultMapper.MAPPER);
  }

  /** A codec that reads and writes with {@code mapper}, which it keeps to itself. */
  public MessageCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** One mapper for every codec made without one: Jackson's caches then warm up once per process. */
  private static final class DefaultMapper {
    private static final ObjectMapper MAPPER = JsonMappers.standard();
  }

  public byte[] encode(Message message) {
    try {
      return mapper.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Message " + message.id() + " cannot be written as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  public Message decode(byte[] bytes) throws MalformedMessageException {
    if (bytes == null || bytes.length == 0) {
      throw new MalformedMessageException("empty message");
    }
    JsonNode root;
    try {
      root = mapper.readTree(bytes);
    } catch (IOException e) {
      throw new MalformedMessageException("not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new MalformedMessageException("not a JSON object");
    }
    ObjectNode envelope = (ObjectNode) root;
    MessageType type = checkHeader(envelope);
    // Built field by field from the tree in one pass: mapping the tree to a Message and then converting the
    // payload again doubled the decode cost, which is most of what a bridge adds to a broker round trip.
    return new Message(type, text(envelope, "id"), envelope.get("timestamp").asLong(),
        textOr(envelope, "contentType", Message.JSON), textOr(envelope, "contentEncoding", Message.UTF_8),
        text(envelope, "traceId"), text(envelope, "correlationId"), text(envelope, "principalId"),
        text(envelope, "tenantId"), text(envelope, "eventName"), text(envelope, "otp"),
        address(envelope.get("sender")), address(envelope.get("receiver")), handledFlag(envelope),
        typedPayload(type, envelope.get("payload")));
  }

  private static String textOr(JsonNode node, String field, String fallback) {
    String value = text(node, field);
    return value != null ? value : fallback;
  }

  private static Boolean handledFlag(JsonNode root) {
    JsonNode flag = root.get("isHandledError");
    return flag != null && flag.isBoolean() ? flag.booleanValue() : null;
  }

  private static MessageAddress address(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    return new MessageAddress(text(node, "serviceName"), text(node, "serviceVersion"), text(node, "serviceTarget"),
        text(node, "instanceId"));
  }

  private static MessageType checkHeader(ObjectNode root) throws MalformedMessageException {
    String typeName = text(root, "messageType");
    MessageType type = MessageType.fromWireName(typeName);
    if (type == null) {
      throw new MalformedMessageException(typeName == null ? "missing messageType"
          : "unknown messageType '" + typeName + "'");
    }
    if (text(root, "id") == null) {
      throw new MalformedMessageException("missing id");
    }
    if (!root.path("timestamp").canConvertToLong()) {
      throw new MalformedMessageException("missing or non-numeric timestamp");
    }
    checkAddress(root, "sender");
    if (type == MessageType.COMMAND) {
      checkAddress(root, "receiver");
      if (text(root, "correlationId") == null) {
        throw new MalformedMessageException("command without correlationId");
      }
      JsonNode payload = root.get("payload");
      if (payload != null && !payload.isNull() && !payload.isObject()) {
        throw new MalformedMessageException("command payload must be an object {payload, parameter}");
      }
    }
    if (type.isCommandResponse() && text(root, "correlationId") == null) {
      throw new MalformedMessageException("command response without correlationId");
    }
    if (type == MessageType.CUSTOM_MESSAGE && text(root, "eventName") == null) {
      throw new MalformedMessageException("custom message without eventName");
    }
    return type;
  }

  private static void checkAddress(ObjectNode root, String field) throws MalformedMessageException {
    JsonNode address = root.get(field);
    if (address == null || !address.isObject()) {
      throw new MalformedMessageException("missing " + field);
    }
    JsonNode instanceId = address.get("instanceId");
    if (instanceId != null && !instanceId.isNull() && !instanceId.isTextual()) {
      throw new MalformedMessageException(field + ".instanceId must be a string");
    }
    if (!address.path("serviceName").isTextual() || !address.path("serviceVersion").isTextual()
        || !address.path("serviceTarget").isTextual()) {
      throw new MalformedMessageException(field + " needs serviceName, serviceVersion and serviceTarget");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private Object typedPayload(MessageType type, JsonNode payload) throws MalformedMessageException {
    if (payload == null || payload.isNull()) {
      return type == MessageType.COMMAND ? new CommandPayload(null, null) : null;
    }
    try {
      if (type == MessageType.COMMAND) {
        return new CommandPayload(plain(payload.get("payload")), plain(payload.get("parameter")));
      }
      if (type == MessageType.COMMAND_ERROR_RESPONSE) {
        if (!payload.path("status").canConvertToInt()) {
          throw new MalformedMessageException("error response without numeric status");
        }
        return new ErrorPayload(payload.get("status").asInt(), payload.path("message").asText(null),
            plain(payload.get("data")));
      }
      return plain(payload);
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException("invalid payload: " + e.getMessage(), e);
    }
  }

  /** Plain Java values (maps, lists, strings, numbers): what a handler bound to {@code Object} expects. */
  private Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return mapper.convertValue(node, Object.class);
  }
}
