package dev.purista.benchmarks.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the deliveries an emit variant waits for; {@link #done} completes with the last one. */
final class Arrivals {
  final CompletableFuture<Void> done = new CompletableFuture<>();
  private final AtomicInteger left;

  Arrivals(int expected) {
    left = new AtomicInteger(expected);
  }

  void arrived() {
    if (left.decrementAndGet() == 0) {
      done.complete(null);
    }
  }
}
