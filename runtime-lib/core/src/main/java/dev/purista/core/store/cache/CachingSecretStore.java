package dev.purista.core.store.cache;

import dev.purista.core.store.Secret;
import dev.purista.core.store.SecretStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A secret store whose reads are kept for a time to live, as PURISTA's {@code enableCache}/{@code cacheTtl} do:
 * a value changed elsewhere is seen at the latest one TTL later. Writes through this store take effect for its own
 * reads at once.
 */
public final class CachingSecretStore implements SecretStore {
  private final SecretStore store;
  private final TtlCache<Secret> cache;

  /** Caches the reads of {@code store} for {@code ttl}. */
  public CachingSecretStore(SecretStore store, Duration ttl) {
    this(store, ttl, System::nanoTime);
  }

  CachingSecretStore(SecretStore store, Duration ttl, LongSupplier nanoTime) {
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
  public Optional<Secret> get(String key) {
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
