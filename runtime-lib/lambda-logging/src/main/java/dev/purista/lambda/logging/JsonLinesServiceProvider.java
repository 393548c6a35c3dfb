package dev.purista.lambda.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J finds this backend through {@code META-INF/services}: every logger writes JSON lines to
 * {@code System.out}, at the level {@code AWS_LAMBDA_LOG_LEVEL} names (INFO when unset). It reads no
 * configuration file, which keeps it off a function's cold path.
 */
public final class JsonLinesServiceProvider implements SLF4JServiceProvider {
  /** The SLF4J API version this backend is written against. */
  private static final String API_VERSION = "2.0.99";

  private ILoggerFactory loggerFactory;
  private IMarkerFactory markerFactory;
  private MDCAdapter mdcAdapter;

  /** Called by SLF4J's service loader. */
  public JsonLinesServiceProvider() {
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggerFactory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markerFactory;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdcAdapter;
  }

  @Override
  public String getRequestedApiVersion() {
    return API_VERSION;
  }

  @Override
  public void initialize() {
    BasicMDCAdapter mdc = new BasicMDCAdapter();
    mdcAdapter = mdc;
    markerFactory = new BasicMarkerFactory();
    loggerFactory = new JsonLoggerFactory(LogThreshold.parse(System.getenv(LogThreshold.VARIABLE)),
        new JsonLineWriter(() -> System.out), mdc);
  }
}
