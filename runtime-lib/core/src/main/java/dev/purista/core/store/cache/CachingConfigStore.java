package dev.purista.core.store.cache;

import dev.purista.core.store.ConfigStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A config store whose reads are kept for a time to live, as PURISTA's {@code enableCache}/{@code cacheTtl} do:
 * a value changed elsewhere is seen at the latest one TTL later. Writes through this store take effect for its own
 * reads at once.
 */
public final class CachingConfigStore implements ConfigStore {
  private final ConfigStore store;
  private final TtlCache<String> cache;

  /** Caches the reads of {@code store} for {@code ttl}. */
  public CachingConfigStore(ConfigStore store, Duration ttl) {
    this(store, ttl, System::nanoTime);
  }

  CachingConfigStore(ConfigStore store, Duration ttl, LongSupplier nanoTime) {
    this.store = Objects.requireNonNull(store, "store == null");
    this.cache = new TtlCache<>(ttl, nanoTime);
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
  public Optional<String> get(String key) {
    return cache.get(key, store::get);
  }

  @Override
  public void set(String key, String value) {
    store.set(key, value);
    cache.forget(key);
  }

  @Override
  public void remove(String key) {
    store.remove(key);
    cache.forget(key);
  }

  @Override
  public void close() {
    store.close();
  }
}
