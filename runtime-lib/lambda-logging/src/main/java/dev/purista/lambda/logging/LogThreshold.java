package dev.purista.lambda.logging;

import java.util.Locale;
import org.slf4j.event.Level;

/**
 * The least severe level that is written. Lambda's advanced logging controls set {@code AWS_LAMBDA_LOG_LEVEL}
 * (TRACE, DEBUG, INFO, WARN, ERROR or FATAL); SLF4J has no FATAL, so it keeps ERROR lines only. Unset or
 * unknown: INFO, Lambda's own default.
 */
final class LogThreshold {
  /** The variable Lambda sets from the function's log level setting. */
  static final String VARIABLE = "AWS_LAMBDA_LOG_LEVEL";

  private LogThreshold() {
  }

  /** The threshold named by {@code value}, the variable's value or {@code null}. */
  static Level parse(String value) {
    if (value == null) {
      return Level.INFO;
    }
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "TRACE" -> Level.TRACE;
      case "DEBUG" -> Level.DEBUG;
      case "WARN" -> Level.WARN;
      case "ERROR", "FATAL" -> Level.ERROR;
      default -> Level.INFO;
    };
  }
}
