package dev.purista.lambda.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.MDCAdapter;

/** One {@link JsonLogger} per name, all with the same threshold, writer and MDC. */
final class JsonLoggerFactory implements ILoggerFactory {
  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final Level threshold;
  private final JsonLineWriter writer;
  private final MDCAdapter mdc;

  JsonLoggerFactory(Level threshold, JsonLineWriter writer, MDCAdapter mdc) {
    this.threshold = threshold;
    this.writer = writer;
    this.mdc = mdc;
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, key -> new JsonLogger(key, threshold, writer, mdc));
  }
}
