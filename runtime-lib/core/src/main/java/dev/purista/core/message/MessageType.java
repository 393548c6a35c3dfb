package dev.purista.core.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code messageType} field of the envelope, with PURISTA's wire names. */
public enum MessageType {
  COMMAND("command"),
  COMMAND_SUCCESS_RESPONSE("commandSuccessResponse"),
  COMMAND_ERROR_RESPONSE("commandErrorResponse"),
  CUSTOM_MESSAGE("customMessage"),
  INFO_SERVICE_INIT("infoServiceInit"),
  INFO_SERVICE_READY("infoServiceReady"),
  INFO_SERVICE_NOT_READY("infoServiceNotReady"),
  INFO_SERVICE_FUNCTION_ADDED("infoServiceFunctionAdded"),
  INFO_SERVICE_DRAIN("infoServiceDrain"),
  INFO_SERVICE_SHUTDOWN("infoServiceShutdown"),
  INFO_INVOKE_TIMEOUT("infoInvokeTimeout"),
  INFO_SUBSCRIPTION_ERROR("infoSubscriptionError");

  private final String wireName;

  MessageType(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name; {@code null} when the name is unknown, so that the codec can reject it clearly. */
  @JsonCreator
  public static MessageType fromWireName(String wireName) {
    for (MessageType type : values()) {
      if (type.wireName.equals(wireName)) {
        return type;
      }
    }
    return null;
  }

  /** A service info message: a service tells the others that it starts, is ready, added a command, ... */
  public boolean isInfo() {
    return name().startsWith("INFO_");
  }

  public boolean isCommandResponse() {
    return this == COMMAND_SUCCESS_RESPONSE || this == COMMAND_ERROR_RESPONSE;
  }
}
