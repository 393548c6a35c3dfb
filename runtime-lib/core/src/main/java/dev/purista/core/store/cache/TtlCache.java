package dev.purista.core.store.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Lookups kept for a time to live, absent results included (asking a remote store for a missing key costs as much
 * as for a present one). Two threads that miss at once may both load; both get a correct value, so no lock is held
 * across the remote call.
 */
final class TtlCache<V> {
  private record Entry<V>(Optional<V> value, long expiresAtNanos) {
  }

  private final ConcurrentMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final LongSupplier nanoTime;

  TtlCache(Duration ttl, LongSupplier nanoTime) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("the cache's time to live must be positive: " + ttl);
    }
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  Optional<V> get(String key, Function<String, Optional<V>> load) {
    long now = nanoTime.getAsLong();
    Entry<V> entry = entries.get(key);
    if (entry != null && now - entry.expiresAtNanos() < 0) {
      return entry.value();
    }
    Optional<V> value = load.apply(key);
    entries.put(key, new Entry<>(value, now + ttlNanos));
    return value;
  }

  void forget(String key) {
    entries.remove(key);
  }
}
