package dev.purista.core.internal;

import dev.purista.core.message.Message;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.MDC;

/**
 * Puts the handler's identity and the message's trace into the MDC for the duration of one call. {@code traceId}
 * is the envelope's business trace id, as before tracing existed; with a span recording, {@code spanId} and
 * {@code otelTraceId} name it, so that a log line leads to its span. The original keeps the two trace ids apart
 * too (it logs the envelope's as {@code customTraceId}).
 */
final class HandlerMdc {
  static final String TRACE_ID = "traceId";
  static final String SPAN_ID = "spanId";
  static final String OTEL_TRACE_ID = "otelTraceId";

  private final String functionKey;
  private final boolean spanSet;

  private HandlerMdc(String functionKey, boolean spanSet) {
    this.functionKey = functionKey;
    this.spanSet = spanSet;
  }

  static HandlerMdc open(String service, String functionKey, String functionName, Message message) {
    return open(service, functionKey, functionName, message, null);
  }

  static HandlerMdc open(String service, String functionKey, String functionName, Message message, Span span) {
    MDC.put("service", service);
    MDC.put(functionKey, functionName);
    putIfSet(TRACE_ID, message.traceId());
    putIfSet("correlationId", message.correlationId());
    boolean spanSet = false;
    if (span != null) {
      SpanContext context = span.getSpanContext();
      if (context.isValid()) {
        MDC.put(SPAN_ID, context.getSpanId());
        MDC.put(OTEL_TRACE_ID, context.getTraceId());
        spanSet = true;
      }
    }
    return new HandlerMdc(functionKey, spanSet);
  }

  private static void putIfSet(String key, String value) {
    if (value != null) {
      MDC.put(key, value);
    } else {
      MDC.remove(key);
    }
  }

  void close() {
    MDC.remove("service");
    MDC.remove(functionKey);
    MDC.remove(TRACE_ID);
    MDC.remove("correlationId");
    if (spanSet) {
      MDC.remove(SPAN_ID);
      MDC.remove(OTEL_TRACE_ID);
    }
  }
}
