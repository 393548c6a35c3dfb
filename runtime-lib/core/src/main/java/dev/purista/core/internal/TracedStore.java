package dev.purista.core.internal;

import dev.purista.core.store.Store;
import io.opentelemetry.api.trace.Tracer;

/**
 * What the traced state, config and secret stores share: the wrapped store, whose lifecycle and health pass
 * through untraced (they are the application's business, not a handler's), and the spans of its operations.
 */
abstract class TracedStore<S extends Store> implements Store {
  final S store;
  final StoreSpans spans;

  TracedStore(S store, Tracer tracer) {
    this.store = store;
    this.spans = new StoreSpans(tracer, store.name());
  }

  @Override
  public String name() {
    return store.name();
  }

  @Override
  public boolean isHealthy() {
    return store.isHealthy();
  }

  @Override
  public void close() {
    store.close();
  }
}
