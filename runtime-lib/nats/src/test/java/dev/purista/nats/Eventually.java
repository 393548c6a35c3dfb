package dev.purista.nats;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds; tests wait only as long as the broker needs. */
final class Eventually {
  private Eventually() {
  }

  static void await(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit.toMillis() + " ms: " + what);
      }
      pause(Duration.ofMillis(10));
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
