package dev.purista.core.internal;

import dev.purista.core.PuristaError;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.telemetry.SpanAttributes;
import dev.purista.core.telemetry.SpanErrors;
import dev.purista.core.telemetry.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The span of one handler call, current on the handler's thread while it runs, so that the calls and events the
 * handler makes become its children. Its parent is the {@code otp} of the message being handled.
 *
 * <p>With tracing off, {@link #NONE} stands in: it records nothing, and {@link #otp(Message)} forwards the
 * incoming message's {@code otp} so that a trace passes through this hop unbroken and none is invented.
 */
final class HandlerSpan {
  static final HandlerSpan NONE = new HandlerSpan(null, null);

  private final Span span;
  private final Scope scope;

  private HandlerSpan(Span span, Scope scope) {
    this.span = span;
    this.scope = scope;
  }

  static HandlerSpan start(Telemetry telemetry, String name, SpanKind kind, Message message, MessageAddress self) {
    if (!telemetry.tracing()) {
      return NONE;
    }
    SpanBuilder builder = telemetry.tracer().spanBuilder(name).setSpanKind(kind)
        .setParent(TraceContexts.fromOtp(message.otp()));
    MessageAttributes.set(builder, message);
    builder.setAttribute(SpanAttributes.RECEIVER_NAME, self.serviceName())
        .setAttribute(SpanAttributes.RECEIVER_VERSION, self.serviceVersion())
        .setAttribute(SpanAttributes.RECEIVER_TARGET, self.serviceTarget());
    Span span = builder.startSpan();
    return new HandlerSpan(span, Context.root().with(span).makeCurrent());
  }

  /** The span, or {@code null} when tracing is off. */
  Span span() {
    return span;
  }

  /** The {@code otp} for a message this call sends: its own context, or with tracing off the incoming one. */
  String otp(Message incoming) {
    return span == null ? incoming.otp() : TraceContexts.otp(span);
  }

  /**
   * Records how the call failed. A handled error is an answer, not a fault: its status code becomes an attribute
   * and the span status stays unset. Anything else marks the span as an error.
   */
  void failed(PuristaError error) {
    if (span == null) {
      return;
    }
    SpanErrors.record(span, error);
  }

  /** Records an unexpected exception: the span is an error. */
  void failed(Throwable failure) {
    if (span == null) {
      return;
    }
    span.setAttribute(SpanAttributes.ERROR_STATUS, 500L);
    SpanErrors.record(span, failure);
  }

  void end() {
    if (span != null) {
      scope.close();
      span.end();
    }
  }
}
