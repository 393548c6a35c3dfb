package dev.purista.core.internal;

/** Pauses without parking, so that a test can land a call inside or just past a spinner's window. */
final class BusyWait {
  private BusyWait() {
  }

  static void nanos(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() - end < 0) {
      Thread.onSpinWait();
    }
  }
}
