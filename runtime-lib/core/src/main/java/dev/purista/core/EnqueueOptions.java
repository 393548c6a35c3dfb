package dev.purista.core;

import java.time.Duration;
import java.time.Instant;

/**
 * How to enqueue a job: when it may run at the earliest ({@code null}: now) and its idempotency key ({@code null}:
 * none; with one, a second enqueue of the same key creates nothing and returns the first job's id).
 */
public record EnqueueOptions(Instant notBefore, String idempotencyKey) {
  /** Runs as soon as a worker is free. */
  public static EnqueueOptions now() {
    return new EnqueueOptions(null, null);
  }

  /** Runs {@code delay} from now at the earliest. */
  public static EnqueueOptions after(Duration delay) {
    return new EnqueueOptions(Instant.now().plus(delay), null);
  }

  /** Runs at {@code time} at the earliest. */
  public static EnqueueOptions at(Instant time) {
    return new EnqueueOptions(time, null);
  }

  /** The same, with idempotency key {@code key}. */
  public EnqueueOptions withIdempotencyKey(String key) {
    return new EnqueueOptions(notBefore, key);
  }
}
