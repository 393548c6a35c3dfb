package dev.purista.core.store.cache;

import dev.purista.core.store.Secret;
import dev.purista.core.store.SecretStore;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A secret store whose reads are kept for a time to live, as PURISTA's {@code enableCache}/{@code cacheTtl} do:
 * a rotated secret is seen at the latest one TTL later, and a vault is asked at most once per TTL and name.
 * Writes through this store take effect for its own reads at once.
 */
public final class CachingSecretStore extends CachingStore<Secret> implements SecretStore {
  /** Caches the reads of {@code store} for {@code ttl}. */
  public CachingSecretStore(SecretStore store, Duration ttl) {
    this(store, ttl, System::nanoTime);
  }

  CachingSecretStore(SecretStore store, Duration ttl, LongSupplier nanoTime) {
    super(store, store::get, store::set, store::remove, ttl, nanoTime);
  }
}
