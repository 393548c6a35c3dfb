package dev.purista.cli.naming;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a name the user typed can be used, before anything is generated. Every name ends up as a
 * directory, a package segment, a class name, a constant or a Maven coordinate, so the rules are the strictest
 * of those: ASCII only, no path characters, no Java keywords. Each rejection says what is wrong and, where it
 * can guess, what the user probably meant.
 */
public final class NameRules {
  private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z][A-Za-z0-9_-]*)*");

  /** Constants every generated service class has; a function of the same name would clash with them. */
  private static final Set<String> SERVICE_CLASS_CONSTANTS = Set.of("NAME", "VERSION", "DEFINITION");

  private static final int MAX_DESCRIPTION = 300;

  /** The most attempts a queue may be given; more would keep a poison job retrying for over a day at the 120 s backoff cap. */
  public static final int MAX_ATTEMPTS = 1000;

  /**
   * The longest service, command or subscription name. Each is a directory and part of a class name, and the
   * deepest generated file, a subscription's test, holds the service name once and the subscription name twice:
   * {@code src/test/java/<package>/service/<service>/v<N>/subscription/<name>/<Name>SubscriptionTest.java}. At 32
   * characters that path stays under 180 characters with a package like {@code com.example.shop}, inside
   * {@link dev.purista.cli.generate.PathBudget}'s 190, which leaves room for the project's own directory under
   * Windows' 260-character path limit. 32 is also longer than any name that reads well in code.
   */
  public static final int MAX_NAME = 32;

  /** A project name is the project's directory, its artifactId and a package segment; the jar's name holds it. */
  public static final int MAX_PROJECT_NAME = 40;

  /** Event names become constants and broker topics, never paths; the limit only keeps them readable. */
  public static final int MAX_EVENT_NAME = 100;

  /** Packages and group ids become directories, one per segment; the path budget checks the whole path. */
  public static final int MAX_PACKAGE = 100;

  private NameRules() {
  }

  // The project's name and group id are checked once per command, so they keep their patterns; the names a
  // project has many of are checked by NameShapes.

  /** A project name, which becomes the directory and the Maven artifactId: {@code shop}, {@code order-service}. */
  public static String projectName(String value) {
    String what = "project name";
    checkPlain(value, what);
    checkLength(value, what, MAX_PROJECT_NAME);
    if (!PROJECT.matcher(value).matches()) {
      throw new InvalidNameException(what + " '" + value + "' must be lower-case letters, digits and dashes, "
          + "starting with a letter", "use a name such as 'shop' or 'order-service'");
    }
    checkNotKeyword(CaseFormat.packageSegment(value), value, what);
    checkNotWindowsDevice(value, value, what);
    return value;
  }

  /** A service name in lowerCamelCase: {@code user}, {@code orderHistory}. */
  public static String serviceName(String value) {
    return lowerCamel(value, "service name", "user");
  }

  /** A command name in lowerCamelCase: {@code signUp}. */
  public static String commandName(String value) {
    return functionName(value, "command name", "signUp");
  }

  /** A subscription name in lowerCamelCase: {@code sendWelcome}. */
  public static String subscriptionName(String value) {
    return functionName(value, "subscription name", "sendWelcome");
  }

  /**
   * A queue name in lowerCamelCase: {@code welcomeMail}. It becomes a package segment, the job record's name
   * ({@code WelcomeMailJob}), a constant and an {@code enqueueWelcomeMail} method, and the runtime's queue name.
   */
  public static String queueName(String value) {
    return lowerCamel(value, "queue name", "welcomeMail");
  }

  /** A queue worker name in lowerCamelCase: {@code sendWelcomeMail}; a constant of the service class, like a command. */
  public static String queueWorkerName(String value) {
    return functionName(value, "queue worker name", "sendWelcomeMail");
  }

  /** Attempts before a failing job is dead-lettered: at least 1, at most {@value #MAX_ATTEMPTS}. */
  public static int maxAttempts(int value) {
    if (value < 1 || value > MAX_ATTEMPTS) {
      throw new InvalidNameException("max attempts " + value + " must be between 1 and " + MAX_ATTEMPTS,
          "leave it out for the runtime's default");
    }
    return value;
  }

  /** An event name such as {@code user.signedUp}; dots, dashes and underscores separate words. */
  public static String eventName(String value) {
    String what = "event name";
    checkPlain(value, what);
    checkLength(value, what, MAX_EVENT_NAME);
    if (!NameShapes.isEventName(value)) {
      throw new InvalidNameException(what + " '" + value + "' must be letters and digits, with single '.', '-' "
          + "or '_' between words", "use a name such as 'user.signedUp'");
    }
    return value;
  }

  /** A Java package such as {@code com.example.shop}. */
  public static String packageName(String value) {
    String what = "package";
    checkPlain(value, what);
    checkLength(value, what, MAX_PACKAGE);
    for (String segment : value.split("\\.", -1)) {
      if (!NameShapes.isPackageSegment(segment)) {
        throw new InvalidNameException(what + " '" + value + "' must be dot-separated lower-case segments, each "
            + "starting with a letter", "use a package such as 'com.example.shop'");
      }
      checkNotKeyword(segment, value, what);
      checkNotWindowsDevice(segment, value, what);
    }
    return value;
  }

  /** A Maven groupId such as {@code com.example}. */
  public static String groupId(String value) {
    String what = "group id";
    checkPlain(value, what);
    checkLength(value, what, MAX_PACKAGE);
    if (!GROUP_ID.matcher(value).matches()) {
      throw new InvalidNameException(what + " '" + value + "' must be dot-separated words of letters, digits, "
          + "'-' or '_'", "use a group id such as 'com.example'");
    }
    // Maven's local repository stores the project under one directory per segment.
    for (String segment : value.split("\\.", -1)) {
      checkNotWindowsDevice(segment, value, what);
    }
    return value;
  }

  /** A service version: a positive whole number, because it becomes the package segment {@code v1}. */
  public static String serviceVersion(String value) {
    String what = "service version";
    checkPlain(value, what);
    if (!NameShapes.isVersion(value)) {
      throw new InvalidNameException(what + " '" + value + "' must be a positive whole number", "use --version 1");
    }
    return value;
  }

  /** A one-line description; it ends up in Javadoc and in the service definition. */
  public static String description(String value) {
    if (value == null) {
      return "";
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidNameException("description must be a single line without control characters", null);
      }
    }
    if (value.length() > MAX_DESCRIPTION) {
      throw new InvalidNameException("description is longer than " + MAX_DESCRIPTION + " characters", null);
    }
    return value.strip();
  }

  private static String functionName(String value, String what, String example) {
    lowerCamel(value, what, example);
    if (SERVICE_CLASS_CONSTANTS.contains(CaseFormat.constant(value))) {
      throw new InvalidNameException(what + " '" + value + "' would clash with the constant "
          + CaseFormat.constant(value) + " every generated service class has", "choose another name");
    }
    return value;
  }

  private static String lowerCamel(String value, String what, String example) {
    checkPlain(value, what);
    checkLength(value, what, MAX_NAME);
    if (!NameShapes.isLowerCamel(value)) {
      String guess = guessLowerCamel(value);
      String hint = guess != null && NameShapes.isLowerCamel(guess) && !guess.equals(value)
          ? "did you mean '" + guess + "'?"
          : "use lowerCamelCase, such as '" + example + "'";
      throw new InvalidNameException(what + " '" + value + "' must be lowerCamelCase: a lower-case letter, then "
          + "letters and digits", hint);
    }
    checkNotKeyword(CaseFormat.packageSegment(value), value, what);
    checkNotWindowsDevice(value, value, what);
    return value;
  }

  private static String guessLowerCamel(String value) {
    String pascal = CaseFormat.pascal(value);
    if (pascal.isEmpty() || !Character.isLetter(pascal.charAt(0))) {
      return null;
    }
    return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }

  /** The checks every kind of name shares; they explain the common mistakes better than a pattern could. */
  private static void checkPlain(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new InvalidNameException(what + " must not be empty", null);
    }
    if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0 || value.contains("..")) {
      throw new InvalidNameException(what + " '" + value + "' looks like a path; give a plain name", null);
    }
    for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
      int c = value.codePointAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        throw new InvalidNameException(what + " '" + value + "' must not contain spaces", null);
      }
      if (c < 0x21 || c > 0x7e) {
        // Only letters are echoed back: a control or direction character would garble the terminal.
        String shown = Character.isLetterOrDigit(c) ? "'" + Character.toString(c) + "' " : "";
        throw new InvalidNameException(what + " contains the character " + shown + "(U+"
            + String.format(Locale.ROOT, "%04X", c) + "); use ASCII letters and digits only", null);
      }
    }
  }

  /** Before the pattern checks, so that a very long name is not echoed back whole. */
  private static void checkLength(String value, String what, int max) {
    if (value.length() > max) {
      throw new InvalidNameException(what + " '" + value.substring(0, 16) + "...' is " + value.length()
          + " characters long; the limit is " + max + ", so that the files it names keep paths every file system "
          + "takes", "choose a shorter name");
    }
  }

  /** {@code part} is the piece of {@code value} that becomes a file or directory name. */
  private static void checkNotWindowsDevice(String part, String value, String what) {
    String device = WindowsNames.reservedDevice(part);
    if (device != null) {
      throw new InvalidNameException(what + " '" + value + "' would name a file or directory '"
          + part.toLowerCase(Locale.ROOT) + "', which Windows reserves for the device " + device
          + "; the project could not be checked out there", "choose another name");
    }
  }

  private static void checkNotKeyword(String word, String value, String what) {
    if (JavaKeywords.isReserved(word)) {
      throw new InvalidNameException(what + " '" + value + "' is the Java keyword '" + word
          + "', which cannot name a package or class", "choose another name");
    }
  }
}
