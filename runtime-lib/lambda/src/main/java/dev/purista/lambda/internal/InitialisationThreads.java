package dev.purista.lambda.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Threads that do part of a function's initialisation beside the main thread, so that where the function has more
 * than one core (Lambda gives more than one vCPU from about 1.8 GB of memory) that work overlaps the services'
 * start instead of following it. They are daemon threads, so that a function whose initialisation failed still
 * exits.
 */
public final class InitialisationThreads {
  private InitialisationThreads() {
  }

  /** Runs {@code work} on a new daemon thread named {@code name}; its failure completes the future. */
  public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(work.get());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return result;
  }
}
