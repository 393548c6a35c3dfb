package dev.purista.core.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes W3C trace context where purista carries it: the envelope's {@code otp} field and the
 * {@code traceparent}/{@code tracestate} headers of HTTP and the brokers. The W3C format is used whatever
 * propagators an SDK configures, because it is what the original PURISTA reads and writes.
 *
 * <p>Context from the wire never fails a message: a malformed {@code otp} or {@code traceparent} yields the root
 * context, so the receiver starts a new trace, and is logged at debug level.
 */
public final class TraceContexts {
  private static final Logger LOG = LoggerFactory.getLogger(TraceContexts.class);
  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };
  private static final TextMapSetter<Map<String, String>> MAP_SETTER = Map::put;

  private TraceContexts() {
  }

  /**
   * Whether {@code openTelemetry} records no spans: no SDK is installed. The runtime then starts no spans at all
   * and forwards the {@code otp} it received unchanged, which is what the API's no-op implementation would do, at
   * no cost.
   */
  public static boolean tracingOff(OpenTelemetry openTelemetry) {
    return openTelemetry.getTracerProvider() == TracerProvider.noop();
  }

  /** Whether {@code openTelemetry} records no metrics. */
  public static boolean metricsOff(OpenTelemetry openTelemetry) {
    return openTelemetry.getMeterProvider() == MeterProvider.noop();
  }

  /** The context an {@code otp} text names as parent; the root context for none or a malformed one. */
  public static Context fromOtp(String otp) {
    if (otp == null || otp.isEmpty()) {
      return Context.root();
    }
    Map<String, String> entries;
    try {
      entries = Otp.parse(otp);
    } catch (IllegalArgumentException e) {
      LOG.debug("ignoring a malformed otp field, starting a new trace: {}", e.getMessage());
      return Context.root();
    }
    return extract(entries);
  }

  /** The context a {@code traceparent} (and {@code tracestate}, may be {@code null}) header pair names. */
  public static Context fromHeaders(String traceparent, String tracestate) {
    if (traceparent == null || traceparent.isEmpty()) {
      return Context.root();
    }
    Map<String, String> entries = new HashMap<>(4);
    entries.put(Otp.TRACEPARENT, traceparent);
    if (tracestate != null) {
      entries.put(Otp.TRACESTATE, tracestate);
    }
    return extract(entries);
  }

  private static Context extract(Map<String, String> entries) {
    Context context = W3C.extract(Context.root(), entries, MAP_GETTER);
    if (!Span.fromContext(context).getSpanContext().isValid() && entries.containsKey(Otp.TRACEPARENT)) {
      LOG.debug("ignoring a malformed traceparent, starting a new trace: {}", entries.get(Otp.TRACEPARENT));
    }
    return context;
  }

  /** The {@code otp} text naming {@code span} as parent, or {@code null} when the span has no valid context. */
  public static String otp(Span span) {
    Map<String, String> headers = headers(span);
    return headers.isEmpty() ? null : Otp.format(headers.get(Otp.TRACEPARENT), headers.get(Otp.TRACESTATE));
  }

  /** {@code traceparent} (and {@code tracestate}, when set) naming {@code span} as parent; empty for none. */
  public static Map<String, String> headers(Span span) {
    SpanContext context = span.getSpanContext();
    if (!context.isValid()) {
      return Collections.emptyMap();
    }
    Map<String, String> headers = new HashMap<>(4);
    W3C.inject(Context.root().with(span), headers, MAP_SETTER);
    return headers;
  }
}
