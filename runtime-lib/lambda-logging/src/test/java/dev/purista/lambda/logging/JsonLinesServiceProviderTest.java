package dev.purista.lambda.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** SLF4J finds this backend on its own, and its loggers write to whatever {@code System.out} is at the time. */
class JsonLinesServiceProviderTest {

  @Test
  void slf4jLoggersWriteJsonLinesToStandardOutputWithTheMdc() throws Exception {
    Logger logger = LoggerFactory.getLogger("dev.purista.Provided");
    assertTrue(logger instanceof JsonLogger, logger.getClass().getName());

    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      MDC.put("awsRequestId", "req-7");
      logger.info("served");
    } finally {
      MDC.remove("awsRequestId");
      System.setOut(original);
    }

    JsonNode line = new ObjectMapper().readTree(captured.toString(StandardCharsets.UTF_8));
    assertEquals("served", line.path("message").asText());
    assertEquals("req-7", line.path("awsRequestId").asText());
    assertEquals("dev.purista.Provided", line.path("logger").asText());
  }
}
