package dev.purista.core.message;

/** Bytes that are not a valid PURISTA message. Bridges log and drop or dead-letter these; they never crash. */
public final class MalformedMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedMessageException(String message) {
    super(message);
  }

  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
