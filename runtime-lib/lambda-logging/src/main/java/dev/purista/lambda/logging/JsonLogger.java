package dev.purista.lambda.logging;

import java.time.Instant;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;

/** A logger that writes each enabled event as a JSON line, with the calling thread's MDC as fields. */
final class JsonLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  // Transient: a deserialized logger is replaced by the factory's own (AbstractLogger.readResolve).
  private final transient Level threshold;
  private final transient JsonLineWriter writer;
  private final transient MDCAdapter mdc;

  JsonLogger(String name, Level threshold, JsonLineWriter writer, MDCAdapter mdc) {
    this.name = name;
    this.threshold = threshold;
    this.writer = writer;
    this.mdc = mdc;
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  private boolean enabled(Level level) {
    return level.toInt() >= threshold.toInt();
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
      Throwable throwable) {
    // The one- and two-argument calls pass a trailing exception as an argument; the formatter takes it off, as
    // SLF4J's convention has it.
    FormattingTuple formatted = MessageFormatter.arrayFormat(pattern, arguments);
    Throwable thrown = throwable != null ? throwable : formatted.getThrowable();
    writer.write(Instant.now(), level, name, Thread.currentThread().getName(), formatted.getMessage(),
        mdc.getCopyOfContextMap(), thrown);
  }
}
