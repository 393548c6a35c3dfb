package dev.purista.core.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Lets a few threads busy-wait briefly before they park. Parking and waking a thread costs a context switch on
 * each side of a hand-off (about 10 µs each on a small VM), which dominates an in-process call; a waiter that
 * spins a few microseconds sees the answer without one. Spinning burns a core, so only as many threads as the
 * budget allows spin at once, and each only for a bounded time; the rest park at once.
 *
 * <p>Only callers spin. Spinning pool workers were measured too and made calls slower: the workers parked on the
 * pool's queue are still woken for every task, and the spinner takes a core from them.
 */
final class SpinBudget {
  private final AtomicInteger spinning = new AtomicInteger();
  private final int maxSpinners;
  private final long spinNanos;

  SpinBudget(int maxSpinners, long spinNanos) {
    this.maxSpinners = maxSpinners;
    this.spinNanos = spinNanos;
  }

  /** A budget for this machine: one spinner fewer than cores, so that the thread being waited for can run. */
  static SpinBudget forThisMachine(long spinNanos) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new SpinBudget(Math.max(0, cores - 1), spinNanos);
  }

  /** Spins until {@code done} or the spin time ends; {@code true} when {@code done} became true. */
  boolean spinUntil(BooleanSupplier done) {
    if (spinNanos <= 0 || maxSpinners == 0) {
      return done.getAsBoolean();
    }
    if (spinning.incrementAndGet() > maxSpinners) {
      spinning.decrementAndGet();
      return done.getAsBoolean();
    }
    try {
      long end = System.nanoTime() + spinNanos;
      do {
        if (done.getAsBoolean()) {
          return true;
        }
        Thread.onSpinWait();
      } while (System.nanoTime() - end < 0);
      return done.getAsBoolean();
    } finally {
      spinning.decrementAndGet();
    }
  }
}
