package dev.purista.http.internal;

import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.LoggerProvider;
import org.jboss.logging.Slf4jLoggerProvider;

/**
 * Sends what Undertow, XNIO and JBoss Threads log (through JBoss Logging) to SLF4J, where the rest of purista
 * logs. JBoss Logging picks SLF4J on its own only when Logback is present and falls back to java.util.logging
 * otherwise; a provider registered as a service is picked before that guess. The system property
 * {@code org.jboss.logging.provider} still wins. It delegates to JBoss Logging's own SLF4J provider, which is final:
 * a service must be a class of this module to be declared in its descriptor.
 */
public final class JBossLoggingToSlf4j implements LoggerProvider {
  private final LoggerProvider slf4j = new Slf4jLoggerProvider();

  /** Made by the service loader. */
  public JBossLoggingToSlf4j() {
  }

  @Override
  public Logger getLogger(String name) {
    return slf4j.getLogger(name);
  }

  @Override
  public void clearMdc() {
    slf4j.clearMdc();
  }

  @Override
  public Object putMdc(String key, Object value) {
    return slf4j.putMdc(key, value);
  }

  @Override
  public Object getMdc(String key) {
    return slf4j.getMdc(key);
  }

  @Override
  public void removeMdc(String key) {
    slf4j.removeMdc(key);
  }

  @Override
  public Map<String, Object> getMdcMap() {
    return slf4j.getMdcMap();
  }

  @Override
  public void clearNdc() {
    slf4j.clearNdc();
  }

  @Override
  public String getNdc() {
    return slf4j.getNdc();
  }

  @Override
  public int getNdcDepth() {
    return slf4j.getNdcDepth();
  }

  @Override
  public String popNdc() {
    return slf4j.popNdc();
  }

  @Override
  public String peekNdc() {
    return slf4j.peekNdc();
  }

  @Override
  public void pushNdc(String message) {
    slf4j.pushNdc(message);
  }

  @Override
  public void setNdcMaxDepth(int maxDepth) {
    slf4j.setNdcMaxDepth(maxDepth);
  }
}
