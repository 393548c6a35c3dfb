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

/**
 * The span of a message this process sends: a command invocation (client) or an event (producer). Its parent is
 * the current context, the span of the handler making the call; the message carries it on as {@code otp}.
 */
final class OutgoingSpan {
  private static final OutgoingSpan NONE = new OutgoingSpan(null);

  private final Span span;

  private OutgoingSpan(Span span) {
    this.span = span;
  }

  static OutgoingSpan start(Telemetry telemetry, String name, SpanKind kind, Message message) {
    if (!telemetry.tracing()) {
      return NONE;
    }
    SpanBuilder builder = telemetry.tracer().spanBuilder(name).setSpanKind(kind).setParent(Context.current());
    MessageAttributes.set(builder, message);
    MessageAddress receiver = message.receiver();
    if (receiver != null) {
      builder.setAttribute(SpanAttributes.RECEIVER_NAME, receiver.serviceName())
          .setAttribute(SpanAttributes.RECEIVER_VERSION, receiver.serviceVersion())
          .setAttribute(SpanAttributes.RECEIVER_TARGET, receiver.serviceTarget());
    }
    return new OutgoingSpan(builder.startSpan());
  }

  /** {@code message} with this span as its {@code otp}; unchanged with tracing off. */
  Message stamp(Message message) {
    if (span == null) {
      return message;
    }
    String otp = TraceContexts.otp(span);
    return otp == null ? message : message.toBuilder().otp(otp).build();
  }

  void failed(PuristaError error) {
    if (span == null) {
      return;
    }
    SpanErrors.record(span, error);
  }

  void failed(RuntimeException failure) {
    if (span != null) {
      SpanErrors.record(span, failure);
    }
  }

  void end() {
    if (span != null) {
      span.end();
    }
  }
}
