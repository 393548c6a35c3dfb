package dev.purista.lambda.internal;

import java.time.Duration;

/** A command's deadline inside an invocation: its own timeout, or the time left less a margin, if that is shorter. */
public final class Deadlines {
  private Deadlines() {
  }

  /**
   * {@code min(commandTimeout, remaining - margin)}; zero when no time is left, in which case nothing should be
   * invoked, because Lambda would end the invocation before any answer could be written.
   */
  public static Duration commandDeadline(Duration commandTimeout, Duration remaining, Duration margin) {
    Duration left = remaining.minus(margin);
    if (left.isNegative() || left.isZero()) {
      return Duration.ZERO;
    }
    return left.compareTo(commandTimeout) < 0 ? left : commandTimeout;
  }
}
