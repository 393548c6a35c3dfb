package dev.purista.core.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

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

  /** {@code service v1 target}, for messages meant for people. */
  public String describe() {
    return serviceName + " v" + serviceVersion + " " + serviceTarget;
  }
}
