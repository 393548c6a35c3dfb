package dev.purista.nats;

import java.util.function.Supplier;

/**
 * Hands a message to the client again when jnats refused it because it could not take its output queue's lock
 * in time. jnats waits for that lock only as long as the request clean-up interval, which the bridge keeps at
 * {@link NatsConnector#REQUEST_CLEANUP_INTERVAL} so that command timeouts end promptly; on a busy machine the
 * client's writer thread can hold the lock longer, and the publish then throws an {@link IllegalStateException}
 * "Output queue is full 0" (newer clients say "busy") although nothing is queued. A refused message was not
 * sent, so handing it over again duplicates nothing.
 */
final class OutputQueueRetry {
  /** Each attempt waits up to the clean-up interval for the lock: about a second in all before giving up. */
  static final int MAX_ATTEMPTS = 10;

  private OutputQueueRetry() {
  }

  /** Runs {@code publish}, again while the client refuses it for its output queue, at most {@link #MAX_ATTEMPTS}. */
  static <T> T send(Supplier<T> publish) {
    for (int attempt = 1; ; attempt++) {
      try {
        return publish.get();
      } catch (IllegalStateException e) {
        if (!isQueueRefusal(e) || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  static void send(Runnable publish) {
    send(() -> {
      publish.run();
      return null;
    });
  }

  static boolean isQueueRefusal(IllegalStateException e) {
    String message = e.getMessage();
    return message != null && (message.startsWith("Output queue is full")
        || message.startsWith("Output queue is busy"));
  }
}
