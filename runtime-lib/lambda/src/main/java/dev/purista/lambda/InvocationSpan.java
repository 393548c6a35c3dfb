package dev.purista.lambda;

import dev.purista.core.telemetry.SpanErrors;
import dev.purista.core.telemetry.SpanNames;
import dev.purista.core.telemetry.TraceContexts;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The server span of one Lambda invocation, current while the event is routed, so that an API Gateway event's
 * HTTP span (and through it the command) is its child. Named and tagged as the OpenTelemetry FaaS conventions ask.
 */
final class InvocationSpan {
  private static final AttributeKey<String> INVOCATION_ID = AttributeKey.stringKey("faas.invocation_id");
  private static final AttributeKey<Boolean> COLD_START = AttributeKey.booleanKey("faas.coldstart");
  private static final InvocationSpan NONE = new InvocationSpan(null, null);

  private final Span span;
  private final Scope scope;

  private InvocationSpan(Span span, Scope scope) {
    this.span = span;
    this.scope = scope;
  }

  static Tracer tracer(OpenTelemetry openTelemetry) {
    return TraceContexts.tracingOff(openTelemetry) ? null : openTelemetry.getTracer("dev.purista.lambda");
  }

  /** {@code coldStart}: the first invocation since the function started. */
  static InvocationSpan start(Tracer tracer, String requestId, boolean coldStart) {
    if (tracer == null) {
      return NONE;
    }
    Span span = tracer.spanBuilder(SpanNames.LAMBDA_INVOCATION).setSpanKind(SpanKind.SERVER)
        .setParent(Context.root())
        .setAttribute(INVOCATION_ID, requestId == null ? "" : requestId)
        .setAttribute(COLD_START, coldStart)
        .startSpan();
    return new InvocationSpan(span, Context.root().with(span).makeCurrent());
  }

  void failed(RuntimeException failure) {
    if (span != null) {
      SpanErrors.record(span, failure);
    }
  }

  void end() {
    if (span != null) {
      scope.close();
      span.end();
    }
  }
}
