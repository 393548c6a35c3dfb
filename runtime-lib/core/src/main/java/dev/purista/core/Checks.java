package dev.purista.core;

import java.util.regex.Pattern;

/** Argument checks for definitions, so a bad name fails when the definition is built, not on the first call. */
final class Checks {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private Checks() {
  }

  static String checkName(String value, String what) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must start with a letter and contain only letters, digits, "
          + "'_', '.' or '-': " + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  static String checkVersion(String value) {
    if (value == null || !VERSION.matcher(value).matches()) {
      throw new IllegalArgumentException("service version must be letters, digits, '_', '.' or '-', such as \"1\": "
          + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  static <T> T checkNotNull(T value, String what) {
    if (value == null) {
      throw new NullPointerException(what + " == null");
    }
    return value;
  }
}
