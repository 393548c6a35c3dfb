package dev.purista.core.message;

import java.util.Objects;

/**
 * Which messages a subscription receives: PURISTA's filters. A {@code null} field is a wildcard; a set field
 * must equal the message's. With no event name and no message type set, a filter matches only events, because
 * a subscription that also saw every command and response would be a mistake, not a wish.
 */
public record SubscriptionFilter(
    String eventName,
    MessageType messageType,
    String senderServiceName,
    String senderServiceVersion,
    String senderServiceTarget,
    String senderInstanceId,
    String receiverServiceName,
    String receiverServiceVersion,
    String receiverServiceTarget,
    String receiverInstanceId,
    String principalId,
    String tenantId) {

  /** Every event with this name. */
  public static SubscriptionFilter forEvent(String eventName) {
    return builder().eventName(eventName).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().eventName(eventName).messageType(messageType)
        .sentFrom(senderServiceName, senderServiceVersion, senderServiceTarget, senderInstanceId)
        .receivedBy(receiverServiceName, receiverServiceVersion, receiverServiceTarget, receiverInstanceId)
        .principalId(principalId).tenantId(tenantId);
  }

  public boolean matches(Message message) {
    if (messageType != null) {
      if (messageType != message.messageType()) {
        return false;
      }
    } else if (eventName == null && !message.isEvent()) {
      return false;
    }
    if (eventName != null && !eventName.equals(message.eventName())) {
      return false;
    }
    return matches(message.sender(), senderServiceName, senderServiceVersion, senderServiceTarget, senderInstanceId)
        && matches(message.receiver(), receiverServiceName, receiverServiceVersion, receiverServiceTarget,
            receiverInstanceId)
        && wildcardOrEqual(principalId, message.principalId())
        && wildcardOrEqual(tenantId, message.tenantId());
  }

  private static boolean matches(MessageAddress address, String name, String version, String target, String id) {
    if (name == null && version == null && target == null && id == null) {
      return true;
    }
    if (address == null) {
      return false;
    }
    return wildcardOrEqual(name, address.serviceName()) && wildcardOrEqual(version, address.serviceVersion())
        && wildcardOrEqual(target, address.serviceTarget()) && wildcardOrEqual(id, address.instanceId());
  }

  private static boolean wildcardOrEqual(String expected, String actual) {
    return expected == null || Objects.equals(expected, actual);
  }

  /** Builder with PURISTA's method names ({@code filterSentFrom}, {@code filterReceivedBy}). */
  public static final class Builder {
    private String eventName;
    private MessageType messageType;
    private String senderServiceName;
    private String senderServiceVersion;
    private String senderServiceTarget;
    private String senderInstanceId;
    private String receiverServiceName;
    private String receiverServiceVersion;
    private String receiverServiceTarget;
    private String receiverInstanceId;
    private String principalId;
    private String tenantId;

    private Builder() {
    }

    public Builder eventName(String value) {
      this.eventName = value;
      return this;
    }

    public Builder messageType(MessageType value) {
      this.messageType = value;
      return this;
    }

    public Builder sentFrom(String serviceName, String serviceVersion, String serviceTarget, String instanceId) {
      this.senderServiceName = serviceName;
      this.senderServiceVersion = serviceVersion;
      this.senderServiceTarget = serviceTarget;
      this.senderInstanceId = instanceId;
      return this;
    }

    public Builder receivedBy(String serviceName, String serviceVersion, String serviceTarget, String instanceId) {
      this.receiverServiceName = serviceName;
      this.receiverServiceVersion = serviceVersion;
      this.receiverServiceTarget = serviceTarget;
      this.receiverInstanceId = instanceId;
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

    public SubscriptionFilter build() {
      return new SubscriptionFilter(eventName, messageType, senderServiceName, senderServiceVersion,
          senderServiceTarget, senderInstanceId, receiverServiceName, receiverServiceVersion, receiverServiceTarget,
          receiverInstanceId, principalId, tenantId);
    }
  }
}
