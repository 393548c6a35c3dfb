package dev.purista.core.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Who sends or receives a message: PURISTA's {@code EBMessageAddress}. For a command the target is the command
 * name; {@code instanceId} is set on senders so that a response finds its way back to the calling process.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"serviceName", "serviceVersion", "serviceTarget", "instanceId"})
public record MessageAddress(String serviceName, String serviceVersion, String serviceTarget, String instanceId) {

  public static MessageAddress of(String serviceName, String serviceVersion, String serviceTarget) {
    return new MessageAddress(serviceName, serviceVersion, serviceTarget, null);
  }

  public MessageAddress withInstanceId(String id) {
    return new MessageAddress(serviceName, serviceVersion, serviceTarget, id);
  }

  public MessageAddress withoutInstanceId() {
    return instanceId == null ? this : new MessageAddress(serviceName, serviceVersion, serviceTarget, null);
  }

  // equals, hashCode and toString are written out rather than generated: an address is the key of the in-memory
  // bridge's command table, and the record's generated methods are bootstrapped on first use
  // (java.lang.runtime.ObjectMethods spinning method handles, several milliseconds on a cold JVM) while the
  // services start and again on the first invocation.
  @Override
  public boolean equals(Object other) {
    return other instanceof MessageAddress that
        && Objects.equals(serviceName, that.serviceName)
        && Objects.equals(serviceVersion, that.serviceVersion)
        && Objects.equals(serviceTarget, that.serviceTarget)
        && Objects.equals(instanceId, that.instanceId);
  }

  @Override
  public int hashCode() {
    int hash = Objects.hashCode(serviceName);
    hash = 31 * hash + Objects.hashCode(serviceVersion);
    hash = 31 * hash + Objects.hashCode(serviceTarget);
    return 31 * hash + Objects.hashCode(instanceId);
  }

  /** As a record's generated {@code toString}. */
  @Override
  public String toString() {
    return "MessageAddress[serviceName=" + serviceName + ", serviceVersion=" + serviceVersion + ", serviceTarget="
        + serviceTarget + ", instanceId=" + instanceId + "]";
  }

  /** {@code service v1 target}, for messages meant for people. */
  public String describe() {
    return serviceName + " v" + serviceVersion + " " + serviceTarget;
  }
}
