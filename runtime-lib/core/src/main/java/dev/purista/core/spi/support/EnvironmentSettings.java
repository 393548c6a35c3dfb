package dev.purista.core.spi.support;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bridge's settings from environment variables that share a prefix (such as {@code PURISTA_AMQP_}) into
 * the setters of its config builder. Every bridge uses this one reader, so that all of them take the same value
 * forms and fail the same way:
 * <ul>
 *   <li>an unset or blank variable keeps the builder's default; values are trimmed;</li>
 *   <li>{@link #integer whole numbers} are decimal; {@link #bool booleans} are {@code true} or {@code false}, in
 *       any case;</li>
 *   <li>{@link #duration durations} are a whole number with a unit, {@code ms}, {@code s}, {@code m}, {@code h}
 *       or {@code d} (such as {@code 250ms}, {@code 30s}, {@code 2m}), or ISO-8601 (such as {@code PT30S}). A bare
 *       number is refused: whether {@code 3600} means seconds or milliseconds is exactly the mistake to catch;</li>
 *   <li>a value that does not parse, or that the setter refuses, fails with an {@link IllegalArgumentException}
 *       that names the variable, the value and what was expected, because "For input string: abc" does not tell
 *       an operator which variable to fix. The password of a URL value is masked in the message;</li>
 *   <li>a variable that was {@link #renamed renamed} fails while its old name is still set, so that a deployment
 *       written for the old name does not silently run on the default.</li>
 * </ul>
 *
 * <pre>{@code
 * EnvironmentSettings env = new EnvironmentSettings("PURISTA_AMQP_", System.getenv())
 *     .renamed("COMMAND_TIMEOUT_MS", "COMMAND_TIMEOUT");
 * env.text("URL", builder::url);
 * env.integer("PREFETCH", builder::prefetch);
 * env.duration("COMMAND_TIMEOUT", builder::defaultCommandTimeout);   // PURISTA_AMQP_COMMAND_TIMEOUT=30s
 * }</pre>
 *
 * <p>Setters are expected to validate their value (range, sign) and throw {@link IllegalArgumentException}; the
 * reader adds the variable's name to that message rather than repeating the check.
 */
public final class EnvironmentSettings {
  private static final String WHOLE_NUMBER = "a whole number";
  private static final String BOOLEAN = "true or false";
  private static final String DURATION = "a duration such as 30s";
  private static final String DURATION_FORMS = "a duration such as 250ms, 30s, 2m or PT30S "
      + "(a whole number with a unit ms, s, m, h or d, or ISO-8601)";

  /** A whole number and an optional unit; the missing unit gets its own message. Matched in lower case. */
  private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("([+-]?\\d+)\\s*(ms|s|m|h|d)?");

  private final String prefix;
  private final Function<String, String> environment;
  private final Map<String, String> newNameByOldSuffix = new LinkedHashMap<>();

  /** A reader of the variables {@code prefix + suffix} in {@code environment}, such as {@code System.getenv()}. */
  public EnvironmentSettings(String prefix, Map<String, String> environment) {
    this(prefix, Objects.requireNonNull(environment, "environment == null")::get);
  }

  /** A reader that looks each variable up with {@code environment}, such as {@code System::getenv}. */
  public EnvironmentSettings(String prefix, Function<String, String> environment) {
    this.prefix = Objects.requireNonNull(prefix, "prefix == null");
    this.environment = Objects.requireNonNull(environment, "environment == null");
  }

  /**
   * Declares that the variable {@code oldSuffix} is now {@code newSuffix}. Reading {@code newSuffix} then fails
   * while the old variable is set, whether or not the new one is set too, with a message such as
   * "PURISTA_AMQP_COMMAND_TIMEOUT_MS was renamed to PURISTA_AMQP_COMMAND_TIMEOUT, a duration such as 30s". An old
   * name that is ignored would leave a deployment on the default without a word.
   */
  public EnvironmentSettings renamed(String oldSuffix, String newSuffix) {
    Objects.requireNonNull(oldSuffix, "oldSuffix == null");
    Objects.requireNonNull(newSuffix, "newSuffix == null");
    if (oldSuffix.equals(newSuffix)) {
      throw new IllegalArgumentException("a variable cannot be renamed to itself: " + name(oldSuffix));
    }
    newNameByOldSuffix.put(oldSuffix, newSuffix);
    return this;
  }

  /** The full variable name of {@code suffix}, for messages about several variables at once. */
  public String name(String suffix) {
    return prefix + Objects.requireNonNull(suffix, "suffix == null");
  }

  /** The trimmed value of {@code suffix}; empty when it is unset or blank. */
  public Optional<String> value(String suffix) {
    rejectOldNamesOf(suffix, null);
    return lookUp(suffix);
  }

  /** Passes the trimmed value of {@code suffix} to {@code setter}. */
  public void text(String suffix, Consumer<String> setter) {
    read(suffix, null, value -> value, setter);
  }

  /** Passes the value of {@code suffix}, a decimal whole number, to {@code setter}. */
  public void integer(String suffix, Consumer<Integer> setter) {
    read(suffix, WHOLE_NUMBER, EnvironmentSettings::parseInteger, setter);
  }

  /** Passes the value of {@code suffix}, {@code true} or {@code false} in any case, to {@code setter}. */
  public void bool(String suffix, Consumer<Boolean> setter) {
    read(suffix, BOOLEAN, EnvironmentSettings::parseBoolean, setter);
  }

  /** Passes the value of {@code suffix}, a duration with a unit ({@code 30s}) or ISO-8601, to {@code setter}. */
  public void duration(String suffix, Consumer<Duration> setter) {
    read(suffix, DURATION, EnvironmentSettings::parseDuration, setter);
  }

  /**
   * Passes {@code USERNAME} and {@code PASSWORD} together to {@code setter}, the password {@code null} when only
   * the user name is set; the setter decides whether that is enough. A password without a user name, or a setter
   * that refuses, fails naming both variables and never showing the password.
   */
  public void credentials(BiConsumer<String, String> setter) {
    Objects.requireNonNull(setter, "setter == null");
    Optional<String> username = value("USERNAME");
    Optional<String> password = value("PASSWORD");
    if (username.isEmpty() && password.isEmpty()) {
      return;
    }
    String both = name("USERNAME") + " and " + name("PASSWORD") + " go together";
    if (username.isEmpty()) {
      throw new IllegalArgumentException(both + ": a password needs a user name");
    }
    try {
      setter.accept(username.get(), password.orElse(null));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(both + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads one variable: {@code parser} turns its text into a value or throws {@link IllegalArgumentException}
   * saying what was expected; {@code form} describes the value for the rename message.
   */
  private <T> void read(String suffix, String form, Function<String, T> parser, Consumer<T> setter) {
    Objects.requireNonNull(setter, "setter == null");
    rejectOldNamesOf(suffix, form);
    Optional<String> text = lookUp(suffix);
    if (text.isEmpty()) {
      return;
    }
    String value = text.get();
    try {
      setter.accept(parser.apply(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name(suffix) + "='" + masked(value) + "' is invalid: " + e.getMessage(), e);
    }
  }

  private Optional<String> lookUp(String suffix) {
    return Optional.ofNullable(environment.apply(name(suffix)))
        .map(String::trim)
        .filter(value -> !value.isEmpty());
  }

  /** Blank counts as unset here too, as it does for every other variable. */
  private void rejectOldNamesOf(String suffix, String form) {
    newNameByOldSuffix.forEach((oldSuffix, newSuffix) -> {
      if (newSuffix.equals(suffix) && lookUp(oldSuffix).isPresent()) {
        throw new IllegalArgumentException(name(oldSuffix) + " was renamed to " + name(newSuffix)
            + (form == null ? "" : ", " + form));
      }
    });
  }

  private static Integer parseInteger(String value) {
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected " + WHOLE_NUMBER, e);
    }
  }

  private static Boolean parseBoolean(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!lower.equals("true") && !lower.equals("false")) {
      throw new IllegalArgumentException("expected " + BOOLEAN);
    }
    return Boolean.valueOf(lower);
  }

  private static Duration parseDuration(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("p") || lower.startsWith("-p") || lower.startsWith("+p")) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("expected " + DURATION_FORMS, e);
      }
    }
    Matcher amountAndUnit = AMOUNT_AND_UNIT.matcher(lower);
    if (!amountAndUnit.matches()) {
      throw new IllegalArgumentException("expected " + DURATION_FORMS);
    }
    String amount = amountAndUnit.group(1);
    String unit = amountAndUnit.group(2);
    if (unit == null) {
      throw new IllegalArgumentException("a number without a unit is ambiguous; add one, such as " + amount
          + "ms or " + amount + "s (units: ms, s, m, h, d; or ISO-8601 such as PT30S)");
    }
    try {
      long count = Long.parseLong(amount);
      switch (unit) {
        case "ms":
          return Duration.ofMillis(count);
        case "s":
          return Duration.ofSeconds(count);
        case "m":
          return Duration.ofMinutes(count);
        case "h":
          return Duration.ofHours(count);
        default:
          return Duration.ofDays(count);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("out of range; expected " + DURATION_FORMS, e);
    }
  }

  private static String masked(String value) {
    return Credentials.redact(value);
  }
}
