package dev.purista.core.message;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The message envelope, field for field PURISTA's JSON, so that Java and TypeScript services on one broker
 * understand each other. One type serves every {@link MessageType}; fields that a type does not use are
 * {@code null} and are left out of the JSON.
 *
 * <ul>
 *   <li>A command carries a {@link CommandPayload}, a {@code correlationId} and a {@code receiver}.</li>
 *   <li>A success response carries the result as {@code payload}, and an {@code eventName} when the command
 *       declares a success event.</li>
 *   <li>An error response carries an {@link ErrorPayload} and {@code isHandledError}.</li>
 *   <li>A custom message (an event) carries an {@code eventName}.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"messageType", "id", "timestamp", "contentType", "contentEncoding", "traceId", "correlationId",
    "principalId", "tenantId", "eventName", "otp", "sender", "receiver", "isHandledError", "payload"})
public record Message(
    MessageType messageType,
    String id,
    long timestamp,
    String contentType,
    String contentEncoding,
    String traceId,
    String correlationId,
    String principalId,
    String tenantId,
    String eventName,
    String otp,
    MessageAddress sender,
    MessageAddress receiver,
    Boolean isHandledError,
    Object payload) {

  public static final String JSON = "application/json";
  public static final String UTF_8 = "utf-8";

  public static Builder builder(MessageType type) {
    return new Builder().messageType(type);
  }

  public Builder toBuilder() {
    return new Builder()
        .messageType(messageType).id(id).timestamp(timestamp).contentType(contentType)
        .contentEncoding(contentEncoding).traceId(traceId).correlationId(correlationId)
        .principalId(principalId).tenantId(tenantId).eventName(eventName).otp(otp).sender(sender)
        .receiver(receiver).isHandledError(isHandledError).payload(payload);
  }

  /** Whether subscriptions see this message as an event: it has an event name. */
  @JsonIgnore
  public boolean isEvent() {
    return eventName != null;
  }

  /** The command payload of a command message. */
  @JsonIgnore
  public CommandPayload commandPayload() {
    return payload instanceof CommandPayload command ? command : new CommandPayload(null, null);
  }

  /** Mutable builder; {@link #build()} fills the id, timestamp and content defaults that are missing. */
  public static final class Builder {
    private MessageType messageType;
    private String id;
    private long timestamp;
    private String contentType;
    private String contentEncoding;
    private String traceId;
    private String correlationId;
    private String principalId;
    private String tenantId;
    private String eventName;
    private String otp;
    private MessageAddress sender;
    private MessageAddress receiver;
    private Boolean isHandledError;
    private Object payload;

    private Builder() {
    }

    public Builder messageType(MessageType value) {
      this.messageType = value;
      return this;
    }

    public Builder id(String value) {
      this.id = value;
      return this;
    }

    public Builder timestamp(long value) {
      this.timestamp = value;
      return this;
    }

    public Builder contentType(String value) {
      this.contentType = value;
      return this;
    }

    public Builder contentEncoding(String value) {
      this.contentEncoding = value;
      return this;
    }

    public Builder traceId(String value) {
      this.traceId = value;
      return this;
    }

    public Builder correlationId(String value) {
      this.correlationId = value;
      return this;
    }

    public Builder principalId(String value) {
      this.principalId = value;
      return this;
    }

    public Builder tenantId(String value) {
      this.tenantId = value;
      return this;
    }

    public Builder eventName(String value) {
      this.eventName = value;
      return this;
    }

    public Builder otp(String value) {
      this.otp = value;
      return this;
    }

    public Builder sender(MessageAddress value) {
      this.sender = value;
      return this;
    }

    public Builder receiver(MessageAddress value) {
      this.receiver = value;
      return this;
    }

    public Builder isHandledError(Boolean value) {
      this.isHandledError = value;
      return this;
    }

    public Builder payload(Object value) {
      this.payload = value;
      return this;
    }

    public Message build() {
      if (messageType == null) {
        throw new NullPointerException("messageType == null");
      }
      return new Message(messageType, id != null ? id : MessageIds.newId(),
          timestamp != 0 ? timestamp : System.currentTimeMillis(), contentType != null ? contentType : JSON,
          contentEncoding != null ? contentEncoding : UTF_8, traceId, correlationId, principalId, tenantId,
          eventName, otp, sender, receiver, isHandledError, payload);
    }
  }
}
