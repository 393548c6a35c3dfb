package dev.purista.cli.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the names users type (lowerCamel {@code signUp}, dotted events {@code user.signedUp}) into the forms
 * generated code needs: {@code SignUp} for classes, {@code SIGN_UP} for constants, {@code signup} for packages.
 * Only ASCII input reaches here; {@link NameRules} rejects the rest first.
 */
public final class CaseFormat {
  private CaseFormat() {
  }

  /** {@code signUp} → {@code SignUp}. */
  public static String pascal(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : words(name)) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }

  /** {@code user.signedUp} → {@code USER_SIGNED_UP}. */
  public static String constant(String name) {
    return String.join("_", words(name)).toUpperCase(Locale.ROOT);
  }

  /** {@code signUp} → {@code signup}; package segments are lower case by convention. */
  public static String packageSegment(String name) {
    return name.replace("-", "").replace("_", "").replace(".", "").toLowerCase(Locale.ROOT);
  }

  /**
   * Splits at separators ({@code . - _}) and where a lower-case letter or digit is followed by an upper-case
   * letter, keeping the case of each word.
   */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.' || c == '-' || c == '_') {
        flush(words, word);
        continue;
      }
      if (Character.isUpperCase(c) && word.length() > 0) {
        char previous = word.charAt(word.length() - 1);
        if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
          flush(words, word);
        }
      }
      word.append(c);
    }
    flush(words, word);
    return words;
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }
}
