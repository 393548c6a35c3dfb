package dev.purista.redis;

import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.StateStore;
import dev.purista.core.store.spi.StoreProvider;
import java.util.function.Function;

/** Makes the Redis stores when the environment asks for {@code redis} ({@code PURISTA_STATE_STORE=redis}). */
public final class RedisStoreProvider implements StoreProvider {
  /** For {@link java.util.ServiceLoader}. */
  public RedisStoreProvider() {
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public StateStore stateStore(Function<String, String> environment) {
    return RedisStateStore.of(RedisStoreConfig.fromEnvironment(environment));
  }

  @Override
  public ConfigStore configStore(Function<String, String> environment) {
    return RedisConfigStore.of(RedisStoreConfig.fromEnvironment(environment));
  }
}
