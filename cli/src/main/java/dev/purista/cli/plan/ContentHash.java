package dev.purista.cli.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 of a file's UTF-8 bytes, in lower-case hex, as recorded in {@code purista.json}. */
public final class ContentHash {
  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  private ContentHash() {
  }

  public static String of(String content) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    // By hand rather than with HexFormat, whose first use links lambdas inside the JDK: measurable at CLI start.
    StringBuilder hex = new StringBuilder(hash.length * 2);
    for (byte b : hash) {
      hex.append(HEX_DIGITS[(b >> 4) & 0xf]).append(HEX_DIGITS[b & 0xf]);
    }
    return hex.toString();
  }
}
