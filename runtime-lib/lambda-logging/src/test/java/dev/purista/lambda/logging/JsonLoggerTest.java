package dev.purista.lambda.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;

/** Loggers of one factory writing into memory, each line read back with a JSON parser. */
class JsonLoggerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteByByteStream out = new ByteByByteStream();
  private final BasicMDCAdapter mdc = new BasicMDCAdapter();

  private Logger logger(Level threshold) {
    return new JsonLoggerFactory(threshold, new JsonLineWriter(() -> out), mdc).getLogger("dev.purista.Orders");
  }

  private List<String> lines() {
    String text = out.text();
    assertTrue(text.isEmpty() || text.endsWith("\n"), "every line ends with a newline");
    return text.isEmpty() ? List.of() : List.of(text.substring(0, text.length() - 1).split("\n", -1));
  }

  private List<JsonNode> parsedLines() throws Exception {
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : lines()) {
      parsed.add(JSON.readTree(line));
    }
    return parsed;
  }

  @Test
  void aLineIsOneJsonObjectWithTheEventsFields() throws Exception {
    Instant before = Instant.now();
    logger(Level.INFO).info("order {} placed for {}", "o-1", 3);

    List<JsonNode> lines = parsedLines();
    assertEquals(1, lines.size());
    JsonNode line = lines.get(0);
    Instant timestamp = Instant.parse(line.path("timestamp").asText());
    assertFalse(timestamp.isBefore(before.minusMillis(1)), line::toString);
    assertTrue(line.path("timestamp").asText().endsWith("Z"), "UTC");
    assertEquals("INFO", line.path("level").asText());
    assertEquals("dev.purista.Orders", line.path("logger").asText());
    assertEquals(Thread.currentThread().getName(), line.path("thread").asText());
    assertEquals("order o-1 placed for 3", line.path("message").asText());
    assertFalse(line.has("exception"));
  }

  @Test
  void anMdcEntryNamedLikeAnEventFieldKeepsBothUnderAPrefix() throws Exception {
    mdc.put("message", "from the MDC");
    mdc.put("level", "custom");
    logger(Level.INFO).info("from the call");

    String line = lines().get(0);
    assertEquals(1, line.split("\"message\"", -1).length - 1, () -> "one message key: " + line);
    JsonNode parsed = JSON.readTree(line);
    assertEquals("from the call", parsed.path("message").asText());
    assertEquals("INFO", parsed.path("level").asText());
    assertEquals("from the MDC", parsed.path("mdc.message").asText());
    assertEquals("custom", parsed.path("mdc.level").asText());
  }

  @Test
  void mdcEntriesAreTopLevelFieldsWhileTheyAreSet() throws Exception {
    Logger logger = logger(Level.INFO);
    mdc.put("awsRequestId", "8476a536-e9f4-11e8-9739-2dfe598c3fcd");
    mdc.put("traceId", "t-42");
    logger.info("with");
    mdc.remove("awsRequestId");
    logger.info("trace id only");
    mdc.clear();
    logger.info("without");

    List<JsonNode> lines = parsedLines();
    assertEquals("8476a536-e9f4-11e8-9739-2dfe598c3fcd", lines.get(0).path("awsRequestId").asText());
    assertEquals("t-42", lines.get(0).path("traceId").asText());
    assertFalse(lines.get(1).has("awsRequestId"), lines.get(1)::toString);
    assertEquals("t-42", lines.get(1).path("traceId").asText());
    assertFalse(lines.get(2).has("traceId"), lines.get(2)::toString);
  }

  @Test
  void levelsBelowTheThresholdAreNotWritten() throws Exception {
    Logger logger = logger(Level.WARN);
    logger.trace("trace");
    logger.debug("debug");
    logger.info("info");
    logger.warn("warn");
    logger.error("error");

    List<JsonNode> lines = parsedLines();
    assertEquals(List.of("warn", "error"), lines.stream().map(line -> line.path("message").asText()).toList());
    assertEquals(List.of("WARN", "ERROR"), lines.stream().map(line -> line.path("level").asText()).toList());
    assertFalse(logger.isInfoEnabled());
    assertTrue(logger.isWarnEnabled());

    out.clear();
    Logger verbose = logger(Level.TRACE);
    verbose.trace("trace");
    assertEquals("TRACE", parsedLines().get(0).path("level").asText());
  }

  @Test
  void anExceptionIsWrittenWithItsStackTrace() throws Exception {
    Logger logger = logger(Level.INFO);
    IllegalStateException failure = new IllegalStateException("the store is gone", new RuntimeException("cause"));
    logger.error("handler failed", failure);
    logger.warn("handler {} failed", "echo", failure);
    logger.info("no exception here {}", "x");

    List<JsonNode> lines = parsedLines();
    for (JsonNode line : lines.subList(0, 2)) {
      String trace = line.path("exception").asText();
      assertTrue(trace.startsWith("java.lang.IllegalStateException: the store is gone"), trace);
      assertTrue(trace.contains("at dev.purista.lambda.logging.JsonLoggerTest"), trace);
      assertTrue(trace.contains("Caused by: java.lang.RuntimeException: cause"), trace);
    }
    assertEquals("handler echo failed", lines.get(1).path("message").asText());
    assertFalse(lines.get(2).has("exception"));
  }

  @Test
  void oddCharactersRoundTripThroughAJsonParser() throws Exception {
    String odd = "quote \" backslash \\ newline \n tab \t nul \u0000 bell \u0007 Grüße 日本 😀 </script>";
    mdc.put("field \"odd\"", odd);
    logger(Level.INFO).info("{}", odd);

    List<String> lines = lines();
    assertEquals(1, lines.size(), "the newline in the message is escaped, not written");
    JsonNode line = JSON.readTree(lines.get(0));
    assertEquals(odd, line.path("message").asText());
    assertEquals(odd, line.path("field \"odd\"").asText());
  }

  @Test
  void concurrentLoggingWritesOnlyWholeLines() throws Exception {
    Logger logger = logger(Level.INFO);
    int threads = 8;
    int perThread = 400;
    String padding = "x".repeat(2_000);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < perThread; i++) {
          logger.info("{} {} {}", thread, i, padding);
        }
      }, "worker-" + t);
      worker.start();
      started.add(worker);
    }
    start.countDown();
    for (Thread worker : started) {
      worker.join(Duration.ofSeconds(30).toMillis());
    }

    Map<String, Integer> next = new HashMap<>();
    List<String> lines = lines();
    assertEquals(threads * perThread, lines.size());
    for (String text : lines) {
      JsonNode line = JSON.readTree(text);
      String[] parts = line.path("message").asText().split(" ");
      assertEquals("worker-" + parts[0], line.path("thread").asText());
      assertEquals(padding, parts[2]);
      int expected = next.getOrDefault(parts[0], 0);
      assertEquals(expected, Integer.parseInt(parts[1]), "each thread's lines in order, none lost");
      next.put(parts[0], expected + 1);
    }
  }

  /**
   * Takes each line a byte at a time and without a lock of its own, as a stream may: two lines written at once
   * would interleave here unless the writer hands over each line whole under its lock.
   */
  private static final class ByteByByteStream extends OutputStream {
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      ByteArrayOutputStream target = bytes;
      Thread.onSpinWait();
      target.write(b);
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    void clear() {
      bytes = new ByteArrayOutputStream();
    }
  }
}
