package dev.purista.core.message;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random identifiers for messages, traces and correlations. They only need to be unique, not secret, so a
 * thread-local generator is used: {@code UUID.randomUUID()} takes a lock on a shared SecureRandom, which shows
 * on the in-memory hot path.
 */
public final class MessageIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private MessageIds() {
  }

  /** 128 random bits as 32 hex characters, the shape of an OpenTelemetry trace id. */
  public static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] out = new char[32];
    writeHex(random.nextLong(), out, 0);
    writeHex(random.nextLong(), out, 16);
    return new String(out);
  }

  private static void writeHex(long value, char[] out, int offset) {
    for (int i = 15; i >= 0; i--) {
      out[offset + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
  }
}
