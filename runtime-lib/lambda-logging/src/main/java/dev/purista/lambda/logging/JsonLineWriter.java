package dev.purista.lambda.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.event.Level;

/**
 * Writes one log event as one JSON object on one line. The line is built in memory and handed to the stream in a
 * single write under a lock, so that lines from concurrent invocations never interleave and CloudWatch sees each
 * as one record.
 */
final class JsonLineWriter {
  private static final JsonFactory JSON = new JsonFactory();
  /** The fields every line has; an MDC entry of the same name would make a second key in the object. */
  private static final Set<String> EVENT_FIELDS = Set.of("timestamp", "level", "logger", "thread", "message",
      "exception");
  /** Put before the name of an MDC entry that would clash with an event field, so both are kept. */
  static final String CLASHING_MDC_PREFIX = "mdc.";

  private final Supplier<? extends OutputStream> out;
  private final Object lock = new Object();

  /**
   * Writes to the stream {@code out} returns at each line; looked up each time, because the runtime client
   * replaces {@code System.out} before it loads the handler.
   */
  JsonLineWriter(Supplier<? extends OutputStream> out) {
    this.out = out;
  }

  void write(Instant timestamp, Level level, String logger, String thread, String message,
      Map<String, String> mdc, Throwable throwable) {
    byte[] line = line(timestamp, level, logger, thread, message, mdc, throwable);
    synchronized (lock) {
      OutputStream stream = out.get();
      try {
        stream.write(line);
        stream.flush();
      } catch (IOException e) {
        // Logging must not fail the caller; standard error is the only place left to say so.
        System.err.println("a log line could not be written: " + e);
      }
    }
  }

  private static byte[] line(Instant timestamp, Level level, String logger, String thread, String message,
      Map<String, String> mdc, Throwable throwable) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(buffer)) {
      json.writeStartObject();
      json.writeStringField("timestamp", timestamp.toString());
      json.writeStringField("level", level.name());
      json.writeStringField("logger", logger);
      json.writeStringField("thread", thread);
      json.writeStringField("message", message);
      if (mdc != null) {
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
          String field = EVENT_FIELDS.contains(entry.getKey()) ? CLASHING_MDC_PREFIX + entry.getKey() : entry.getKey();
          json.writeStringField(field, entry.getValue());
        }
      }
      if (throwable != null) {
        json.writeStringField("exception", stackTrace(throwable));
      }
      json.writeEndObject();
    } catch (IOException e) {
      // Writing to memory does not fail; the generator declares it for streams that can.
      throw new UncheckedIOException("a log line could not be built", e);
    }
    buffer.write('\n');
    return buffer.toByteArray();
  }

  private static String stackTrace(Throwable throwable) {
    StringWriter trace = new StringWriter();
    throwable.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
