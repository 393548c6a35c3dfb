package dev.purista.lambda;

/**
 * An SNS notification or EventBridge event that a subscription of this function failed on, that no subscription
 * takes, or that was not done by the deadline. It escapes the handler, so that Lambda retries the asynchronous
 * invocation and, after its retries, sends it to the function's failure destination or dead-letter queue.
 */
public final class EventDeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failed delivery, described by {@code message}. */
  public EventDeliveryException(String message) {
    super(message);
  }
}
