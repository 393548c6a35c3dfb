package dev.purista.core.internal;

import dev.purista.core.store.ConfigStore;
import dev.purista.core.telemetry.SpanNames;
import io.opentelemetry.api.trace.Tracer;
import java.util.Optional;

/** A service's config store as its handlers see it with tracing on: every operation in a span. */
final class TracedConfigStore extends TracedStore<ConfigStore> implements ConfigStore {
  TracedConfigStore(ConfigStore store, Tracer tracer) {
    super(store, tracer);
  }

  @Override
  public Optional<String> get(String key) {
    return spans.read(SpanNames.CONFIG_STORE_GET, key, () -> store.get(key));
  }

  @Override
  public void set(String key, String value) {
    spans.change(SpanNames.CONFIG_STORE_SET, key, () -> store.set(key, value));
  }

  @Override
  public void remove(String key) {
    spans.change(SpanNames.CONFIG_STORE_REMOVE, key, () -> store.remove(key));
  }
}
