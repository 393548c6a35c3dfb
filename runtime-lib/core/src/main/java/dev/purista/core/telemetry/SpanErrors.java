package dev.purista.core.telemetry;

import dev.purista.core.PuristaError;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/**
 * How a failure is recorded on a span, in one place for the command, subscription, store, HTTP and Lambda spans,
 * so that a trace viewer shows every kind of failure alike.
 *
 * <p>A handled error is an answer, not a fault: its status code becomes {@link SpanAttributes#ERROR_STATUS} and
 * the span status stays unset. Anything else records the exception and marks the span as an error, with the
 * exception's class as the description, since its message may carry data the span must not.
 */
public final class SpanErrors {
  private SpanErrors() {
  }

  /** Records {@code error}, a command's or subscription's outcome. */
  public static void record(Span span, PuristaError error) {
    span.setAttribute(SpanAttributes.ERROR_STATUS, error.status().code());
    if (!error.isHandled()) {
      span.recordException(error);
      span.setStatus(StatusCode.ERROR, error.getMessage());
    }
  }

  /** Records an unexpected exception: the span is an error. */
  public static void record(Span span, Throwable failure) {
    span.recordException(failure);
    span.setStatus(StatusCode.ERROR, failure.getClass().getName());
  }
}
