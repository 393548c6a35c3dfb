package dev.purista.core;

import dev.purista.core.message.ErrorPayload;
import dev.purista.core.message.MessageAddress;
import java.time.Duration;

/**
 * An expected business error: its status, message and data reach the caller exactly as thrown. Throw it from a
 * handler or guard to refuse a request ({@code throw new HandledError(StatusCode.NOT_FOUND, "no such user")}).
 */
public class HandledError extends PuristaError {
  private static final long serialVersionUID = 1L;

  public HandledError(StatusCode status, String message) {
    this(status, message, null);
  }

  public HandledError(StatusCode status, String message, Object data) {
    super(status, message, data, FailureReason.RECIPIENT_FAILURE, null);
  }

  public HandledError(StatusCode status, String message, Object data, FailureReason reason) {
    super(status, message, data, reason, null);
  }

  /** The error of a call whose deadline passed without a response. */
  public static HandledError timeout(MessageAddress receiver, Duration timeout) {
    return new HandledError(StatusCode.GATEWAY_TIMEOUT,
        "Command " + receiver.describe() + " did not answer within " + timeout.toMillis() + " ms", null,
        FailureReason.TIMEOUT);
  }

  /** The error of a call that no registered instance serves. */
  public static HandledError noHandlers(MessageAddress receiver) {
    return new HandledError(StatusCode.SERVICE_UNAVAILABLE,
        "No instance serves command " + receiver.describe(), null, FailureReason.NO_HANDLERS);
  }

  @Override
  public boolean isHandled() {
    return true;
  }

  @Override
  public ErrorPayload toErrorPayload() {
    return new ErrorPayload(status().code(), getMessage(), data());
  }
}
