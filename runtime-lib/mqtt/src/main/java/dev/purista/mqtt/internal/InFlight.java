package dev.purista.mqtt.internal;

import java.util.concurrent.CompletableFuture;

/**
 * Counts the messages a consumer has taken and not yet finished (answered, acknowledged or dead-lettered), so
 * that a graceful stop can wait for them before it disconnects. Waiting is a future, never a blocked thread, so
 * that a consumer can close from a broker client's thread.
 */
public final class InFlight {
  private int count;
  private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

  public synchronized void enter() {
    if (count++ == 0) {
      idle = new CompletableFuture<>();
    }
  }

  public void exit() {
    CompletableFuture<Void> done = null;
    synchronized (this) {
      if (count == 0) {
        throw new IllegalStateException("exit without enter");
      }
      if (--count == 0) {
        done = idle;
      }
    }
    if (done != null) {
      done.complete(null);
    }
  }

  public synchronized int count() {
    return count;
  }

  /** Completes when nothing is in flight; at once if nothing is now. */
  public synchronized CompletableFuture<Void> whenIdle() {
    return idle;
  }
}
