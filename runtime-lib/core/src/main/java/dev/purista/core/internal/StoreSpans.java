package dev.purista.core.internal;

import dev.purista.core.telemetry.SpanAttributes;
import dev.purista.core.telemetry.SpanErrors;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one store operation in a span of its own, a child of the span current on the calling thread (the
 * handler's). It records the store's name and the key, never a value: what a store holds may be a secret.
 */
final class StoreSpans {
  private final Tracer tracer;
  private final String storeName;

  StoreSpans(Tracer tracer, String storeName) {
    this.tracer = tracer;
    this.storeName = storeName;
  }

  /** Runs a read; the span says whether it found a value. */
  <T> Optional<T> read(String spanName, String key, Supplier<Optional<T>> operation) {
    Span span = start(spanName, key);
    // Current while the store works, so that spans of an instrumented store client nest under it.
    Scope scope = span.makeCurrent();
    try {
      Optional<T> value = operation.get();
      span.setAttribute(SpanAttributes.STORE_FOUND, value.isPresent());
      return value;
    } catch (RuntimeException e) {
      throw failed(span, e);
    } finally {
      scope.close();
      span.end();
    }
  }

  /** Runs a write or a removal that answers something, such as an increment. */
  <T> T write(String spanName, String key, Supplier<T> operation) {
    Span span = start(spanName, key);
    Scope scope = span.makeCurrent();
    try {
      return operation.get();
    } catch (RuntimeException e) {
      throw failed(span, e);
    } finally {
      scope.close();
      span.end();
    }
  }

  /** Runs a write or a removal. */
  void change(String spanName, String key, Runnable operation) {
    write(spanName, key, () -> {
      operation.run();
      return null;
    });
  }

  private Span start(String spanName, String key) {
    return tracer.spanBuilder(spanName).setSpanKind(SpanKind.INTERNAL)
        .setAttribute(SpanAttributes.STORE_NAME, storeName)
        .setAttribute(SpanAttributes.STORE_KEY, key).startSpan();
  }

  /** Marks the span failed. The exception's message is the store's own, which names keys, not values. */
  private static RuntimeException failed(Span span, RuntimeException e) {
    SpanErrors.record(span, e);
    return e;
  }
}
