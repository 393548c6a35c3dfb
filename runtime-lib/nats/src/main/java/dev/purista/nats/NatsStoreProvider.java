package dev.purista.nats;

import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.StateStore;
import dev.purista.core.store.spi.StoreProvider;
import java.util.function.Function;

/** Makes the NATS key-value stores when the environment asks for {@code nats} ({@code PURISTA_STATE_STORE=nats}). */
public final class NatsStoreProvider implements StoreProvider {
  /** For {@link java.util.ServiceLoader}. */
  public NatsStoreProvider() {
  }

  @Override
  public String name() {
    return "nats";
  }

  @Override
  public StateStore stateStore(Function<String, String> environment) {
    return NatsStateStore.of(NatsStoreConfig.fromEnvironment(environment));
  }

  @Override
  public ConfigStore configStore(Function<String, String> environment) {
    return NatsConfigStore.of(NatsStoreConfig.fromEnvironment(environment));
  }
}
