package dev.purista.core.internal;

import dev.purista.core.store.StateStore;
import dev.purista.core.telemetry.SpanNames;
import io.opentelemetry.api.trace.Tracer;
import java.util.Optional;

/** A service's state store as its handlers see it with tracing on: every operation in a span. */
final class TracedStateStore extends TracedStore<StateStore> implements StateStore {
  TracedStateStore(StateStore store, Tracer tracer) {
    super(store, tracer);
  }

  @Override
  public <T> Optional<T> get(String key, Class<T> type) {
    return spans.read(SpanNames.STATE_STORE_GET, key, () -> store.get(key, type));
  }

  @Override
  public void set(String key, Object value) {
    spans.change(SpanNames.STATE_STORE_SET, key, () -> store.set(key, value));
  }

  @Override
  public void remove(String key) {
    spans.change(SpanNames.STATE_STORE_REMOVE, key, () -> store.remove(key));
  }

  /** An increment writes the value, so it is a {@code setValue} span (the original has no increment). */
  @Override
  public long increment(String key, long delta) {
    return spans.write(SpanNames.STATE_STORE_SET, key, () -> store.increment(key, delta));
  }
}
