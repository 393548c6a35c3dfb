package dev.purista.core.store.cache;

import dev.purista.core.store.ConfigStore;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A config store whose reads are kept for a time to live, as PURISTA's {@code enableCache}/{@code cacheTtl} do:
 * a value changed elsewhere is seen at the latest one TTL later. Writes through this store take effect for its own
 * reads at once.
 */
public final class CachingConfigStore extends CachingStore<String> implements ConfigStore {
  /** Caches the reads of {@code store} for {@code ttl}. */
  public CachingConfigStore(ConfigStore store, Duration ttl) {
    this(store, ttl, System::nanoTime);
  }

  CachingConfigStore(ConfigStore store, Duration ttl, LongSupplier nanoTime) {
    super(store, store::get, store::set, store::remove, ttl, nanoTime);
  }
}
