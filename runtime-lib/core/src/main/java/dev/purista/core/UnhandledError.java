package dev.purista.core;

import dev.purista.core.message.ErrorPayload;

/**
 * An unexpected failure. Its message is for logs only: on the wire, and so to every caller, it is a generic
 * 500 without details, because internals (SQL, hosts, stack traces) must not leak to clients.
 */
public class UnhandledError extends PuristaError {
  private static final long serialVersionUID = 1L;

  /** What every caller sees of an unhandled failure. */
  public static final String GENERIC_MESSAGE = "Internal Server Error";

  public UnhandledError(String message) {
    this(StatusCode.INTERNAL_SERVER_ERROR, message, null);
  }

  public UnhandledError(String message, Throwable cause) {
    super(StatusCode.INTERNAL_SERVER_ERROR, message, null, FailureReason.RECIPIENT_FAILURE, cause);
  }

  public UnhandledError(StatusCode status, String message, Object data) {
    super(status, message, data, FailureReason.RECIPIENT_FAILURE, null);
  }

  public UnhandledError(StatusCode status, String message, Object data, FailureReason reason) {
    super(status, message, data, reason, null);
  }

  @Override
  public boolean isHandled() {
    return false;
  }

  @Override
  public ErrorPayload toErrorPayload() {
    return new ErrorPayload(StatusCode.INTERNAL_SERVER_ERROR.code(), GENERIC_MESSAGE, null);
  }
}
