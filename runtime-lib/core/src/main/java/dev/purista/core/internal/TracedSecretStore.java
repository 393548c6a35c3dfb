package dev.purista.core.internal;

import dev.purista.core.store.Secret;
import dev.purista.core.store.SecretStore;
import dev.purista.core.telemetry.SpanNames;
import io.opentelemetry.api.trace.Tracer;
import java.util.Optional;

/**
 * A service's secret store as its handlers see it with tracing on: every operation in a span that names the
 * secret and never holds its value.
 */
final class TracedSecretStore extends TracedStore<SecretStore> implements SecretStore {
  TracedSecretStore(SecretStore store, Tracer tracer) {
    super(store, tracer);
  }

  @Override
  public Optional<Secret> get(String name) {
    return spans.read(SpanNames.SECRET_STORE_GET, name, () -> store.get(name));
  }

  @Override
  public void set(String name, String value) {
    spans.change(SpanNames.SECRET_STORE_SET, name, () -> store.set(name, value));
  }

  @Override
  public void remove(String name) {
    spans.change(SpanNames.SECRET_STORE_REMOVE, name, () -> store.remove(name));
  }
}
