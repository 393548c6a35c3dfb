package dev.purista.core.message;

import dev.purista.core.PuristaError;

/**
 * Builds the response messages that answer a command, so that every bridge and the service runtime address and
 * correlate responses the same way.
 */
public final class Messages {
  private Messages() {
  }

  /** A success response to {@code command}; {@code eventName} marks it as a success event, or is {@code null}. */
  public static Message successResponse(Message command, Object result, String eventName, MessageAddress responder) {
    return successResponse(command, result, eventName, responder, null);
  }

  /** As {@link #successResponse(Message, Object, String, MessageAddress)}, carrying {@code otp} (may be null). */
  public static Message successResponse(Message command, Object result, String eventName, MessageAddress responder,
      String otp) {
    return Message.builder(MessageType.COMMAND_SUCCESS_RESPONSE)
        .otp(otp)
        .traceId(command.traceId())
        .correlationId(command.correlationId())
        .principalId(command.principalId())
        .tenantId(command.tenantId())
        .eventName(eventName)
        .sender(responder)
        .receiver(command.sender())
        .payload(result)
        .build();
  }

  /** An error response to {@code command}; an unhandled error's details are replaced by a generic 500. */
  public static Message errorResponse(Message command, PuristaError error, MessageAddress responder) {
    return errorResponse(command, error, responder, null);
  }

  /** As {@link #errorResponse(Message, PuristaError, MessageAddress)}, carrying {@code otp} (may be null). */
  public static Message errorResponse(Message command, PuristaError error, MessageAddress responder, String otp) {
    return Message.builder(MessageType.COMMAND_ERROR_RESPONSE)
        .otp(otp)
        .traceId(command.traceId())
        .correlationId(command.correlationId())
        .principalId(command.principalId())
        .tenantId(command.tenantId())
        .sender(responder)
        .receiver(command.sender())
        .isHandledError(error.isHandled())
        .payload(error.toErrorPayload())
        .build();
  }

  /** The responder address of a command's receiver: the command's receiver with this instance's id. */
  public static MessageAddress responder(Message command, String instanceId) {
    MessageAddress receiver = command.receiver();
    return receiver == null ? null : receiver.withInstanceId(instanceId);
  }
}
