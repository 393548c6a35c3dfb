package dev.purista.lambda;

/**
 * An invocation event this function cannot serve: not JSON, larger than the configured limit, or of a shape it
 * does not know. Nothing was invoked. It escapes the handler, so the runtime reports the invocation as failed
 * with this class's name as error type, and serves the next event.
 */
public final class InvalidEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An invalid event, described by {@code message}. */
  public InvalidEventException(String message) {
    super(message);
  }
}
