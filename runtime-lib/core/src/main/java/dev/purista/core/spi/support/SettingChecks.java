package dev.purista.core.spi.support;

import java.time.Duration;

/**
 * The checks a bridge's config builder applies to each value as it is set, shared so that every bridge refuses
 * the same mistakes with the same words: the setting's name, the value, and the smallest (or largest) value it
 * takes. A value the protocol would silently round (a heartbeat of 1500 ms sent as 1 s, a keep-alive of 500 ms
 * sent as 0, which means "off") is refused rather than changed.
 */
public final class SettingChecks {
  private static final Duration MILLISECOND = Duration.ofMillis(1);

  private SettingChecks() {
  }

  /** A duration of at least 1 ms: the clients count in milliseconds, and 0 often means "wait for ever". */
  public static Duration positive(Duration value, String name) {
    if (value == null || value.compareTo(MILLISECOND) < 0) {
      throw new IllegalArgumentException(name + " must be at least 1ms: " + show(value));
    }
    return value;
  }

  /** Zero (at once) or at least 1 ms. */
  public static Duration notNegative(Duration value, String name) {
    if (value == null || value.isNegative() || (!value.isZero() && value.compareTo(MILLISECOND) < 0)) {
      throw new IllegalArgumentException(name + " must be 0 or at least 1ms: " + show(value));
    }
    return value;
  }

  /**
   * A duration the protocol sends in whole seconds, between {@code minSeconds} and {@code maxSeconds}.
   *
   * @param zeroMeans what 0 does, such as {@code "turns heartbeats off"}; {@code null} when 0 is refused
   */
  public static Duration wholeSeconds(Duration value, String name, long minSeconds, long maxSeconds,
      String zeroMeans) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (value.isZero() && zeroMeans != null) {
      return value;
    }
    String allowed = (zeroMeans == null ? "" : "0 (" + zeroMeans + ") or ") + "whole seconds from " + minSeconds
        + "s to " + maxSeconds + "s";
    if (value.isNegative() || value.getNano() != 0 || value.getSeconds() < minSeconds
        || value.getSeconds() > maxSeconds) {
      String cut = value.getNano() != 0 && !value.isNegative() ? ", which would be cut to " + value.getSeconds() + "s"
          : "";
      throw new IllegalArgumentException(name + " is sent in whole seconds and must be " + allowed + ": "
          + show(value) + cut);
    }
    return value;
  }

  /** {@code 250ms} for whole milliseconds, ISO-8601 otherwise, for messages. */
  private static String show(Duration value) {
    if (value == null) {
      return "null";
    }
    return value.getNano() % 1_000_000 == 0 && !value.isNegative() ? value.toMillis() + "ms" : value.toString();
  }

  /** A TCP port, 1 to 65535. */
  public static int port(int value, String name) {
    if (value < 1 || value > 65_535) {
      throw new IllegalArgumentException(name + " must be from 1 to 65535: " + value);
    }
    return value;
  }

  /** A whole number of at least {@code min}. */
  public static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
    }
    return value;
  }

  /** Text that must say something. */
  public static String text(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.trim();
  }
}
