package dev.purista.cli.naming;

/**
 * The character shapes of the names checked for every function, event and route of a project, written out as
 * loops rather than regular expressions. {@code purista.json} is validated on every command, in a process too
 * short for the JIT to compile the regex engine: hundreds of pattern matches in a project of fifty services cost
 * more than a whole small project's validation. Each method states the pattern it stands for.
 */
public final class NameShapes {
  private NameShapes() {
  }

  /** {@code [a-z][A-Za-z0-9]*}. */
  public static boolean isLowerCamel(String value) {
    if (value.isEmpty() || !isLower(value.charAt(0))) {
      return false;
    }
    for (int i = 1; i < value.length(); i++) {
      if (!isLetterOrDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z][A-Za-z0-9]*([._-][A-Za-z0-9]+)*}: single separators between words, none at either end. */
  static boolean isEventName(String value) {
    if (value.isEmpty() || !isLetter(value.charAt(0))) {
      return false;
    }
    boolean afterSeparator = false;
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '.' || c == '_' || c == '-') {
        if (afterSeparator) {
          return false;
        }
        afterSeparator = true;
      } else if (isLetterOrDigit(c)) {
        afterSeparator = false;
      } else {
        return false;
      }
    }
    return !afterSeparator;
  }

  /** {@code [a-z_][a-z0-9_]*}. */
  static boolean isPackageSegment(String value) {
    if (value.isEmpty() || !(isLower(value.charAt(0)) || value.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(isLower(c) || isDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** {@code [1-9][0-9]{0,5}}. */
  static boolean isVersion(String value) {
    if (value.isEmpty() || value.length() > 6 || value.charAt(0) == '0' || !isDigit(value.charAt(0))) {
      return false;
    }
    for (int i = 1; i < value.length(); i++) {
      if (!isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z0-9._~-]+}: a literal segment of an HTTP path. */
  public static boolean isPathLiteral(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(isLetterOrDigit(c) || c == '.' || c == '_' || c == '~' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The variable's name when {@code segment} is an HTTP path variable, {@code \{([a-z][A-Za-z0-9]*)\}} such as
   * {@code {id}}; otherwise {@code null}.
   */
  public static String pathVariable(String segment) {
    if (segment.length() < 3 || segment.charAt(0) != '{' || segment.charAt(segment.length() - 1) != '}') {
      return null;
    }
    String name = segment.substring(1, segment.length() - 1);
    return isLowerCamel(name) ? name : null;
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isLetter(char c) {
    return isLower(c) || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetterOrDigit(char c) {
    return isLetter(c) || isDigit(c);
  }
}
