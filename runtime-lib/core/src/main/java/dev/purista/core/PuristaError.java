package dev.purista.core;

import dev.purista.core.message.ErrorPayload;

/**
 * Base of the two errors a command can end in. It carries what crosses the wire: an HTTP-aligned status, a
 * message and optional data. Subclasses decide how much of it a caller may see.
 */
public abstract class PuristaError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final StatusCode status;
  private final transient Object data;
  private final FailureReason reason;

  protected PuristaError(StatusCode status, String message, Object data, FailureReason reason, Throwable cause) {
    super(message, cause, true, cause != null);
    if (status == null) {
      throw new NullPointerException("status == null");
    }
    this.status = status;
    this.data = data;
    this.reason = reason == null ? FailureReason.RECIPIENT_FAILURE : reason;
  }

  public StatusCode status() {
    return status;
  }

  /** Structured detail for the caller, such as the list of invalid fields; may be {@code null}. */
  public Object data() {
    return data;
  }

  public FailureReason reason() {
    return reason;
  }

  /** Whether the details may be shown to the caller as they are. */
  public abstract boolean isHandled();

  /** The payload of the error response this error becomes on the wire. */
  public abstract ErrorPayload toErrorPayload();
}
