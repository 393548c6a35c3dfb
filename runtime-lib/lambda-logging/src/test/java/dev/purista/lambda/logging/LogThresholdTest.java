package dev.purista.lambda.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** AWS_LAMBDA_LOG_LEVEL's values, as Lambda's advanced logging controls set them. */
class LogThresholdTest {

  @Test
  void eachLambdaLevelNamesItsThreshold() {
    assertEquals(Level.TRACE, LogThreshold.parse("TRACE"));
    assertEquals(Level.DEBUG, LogThreshold.parse("DEBUG"));
    assertEquals(Level.INFO, LogThreshold.parse("INFO"));
    assertEquals(Level.WARN, LogThreshold.parse("WARN"));
    assertEquals(Level.ERROR, LogThreshold.parse("ERROR"));
    assertEquals(Level.ERROR, LogThreshold.parse("FATAL"), "SLF4J has no FATAL: errors only");
    assertEquals(Level.DEBUG, LogThreshold.parse(" debug "));
  }

  @Test
  void unsetOrUnknownIsInfo() {
    assertEquals(Level.INFO, LogThreshold.parse(null));
    assertEquals(Level.INFO, LogThreshold.parse(""));
    assertEquals(Level.INFO, LogThreshold.parse("VERBOSE"));
  }
}
