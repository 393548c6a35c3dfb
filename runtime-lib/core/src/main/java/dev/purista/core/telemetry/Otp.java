package dev.purista.core.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope's {@code otp} field: the W3C trace context of the span that sent a message, as the original writes
 * it. The original fills an object through OpenTelemetry's propagator and stores it as JSON text, so the field
 * reads {@code {"traceparent":"00-<trace id>-<span id>-01"}}, with {@code "tracestate"} after it when there is one.
 * Broker bridges copy {@code traceparent} and {@code tracestate} from it into their headers.
 */
public final class Otp {
  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";

  private static final JsonFactory JSON = new JsonFactory();

  private Otp() {
  }

  /** The field's text for a context; {@code tracestate} may be {@code null} or empty, and is then left out. */
  public static String format(String traceparent, String tracestate) {
    StringWriter text = new StringWriter(72);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField(TRACEPARENT, traceparent);
      if (tracestate != null && !tracestate.isEmpty()) {
        json.writeStringField(TRACESTATE, tracestate);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /**
   * The entries of an {@code otp} text: every string member of its object, in order ({@code traceparent},
   * {@code tracestate}, and whatever else a propagator wrote, such as {@code baggage}).
   *
   * @throws IllegalArgumentException when the text is not a JSON object of strings
   */
  public static Map<String, String> parse(String otp) {
    Map<String, String> entries = new LinkedHashMap<>(4);
    try (JsonParser json = JSON.createParser(otp)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("otp is not a JSON object");
      }
      JsonToken token;
      while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        if (json.nextToken() != JsonToken.VALUE_STRING) {
          throw new IllegalArgumentException("otp member " + name + " is not a string");
        }
        entries.put(name, json.getText());
      }
      if (token != JsonToken.END_OBJECT || json.nextToken() != null) {
        throw new IllegalArgumentException("otp is not a single JSON object");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("otp is not JSON: " + e.getMessage(), e);
    }
    return entries;
  }

  /** The {@code otp} text's {@code traceparent}, or {@code null} when there is none or the text is malformed. */
  public static String traceparent(String otp) {
    return member(otp, TRACEPARENT);
  }

  /** The {@code otp} text's {@code tracestate}, or {@code null} when there is none or the text is malformed. */
  public static String tracestate(String otp) {
    return member(otp, TRACESTATE);
  }

  private static String member(String otp, String name) {
    if (otp == null || otp.isEmpty()) {
      return null;
    }
    try {
      return parse(otp).get(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
