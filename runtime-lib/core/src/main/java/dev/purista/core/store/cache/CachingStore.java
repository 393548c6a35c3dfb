package dev.purista.core.store.cache;

import dev.purista.core.store.Store;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What the caching config and secret stores share: reads kept for a time to live (see {@link TtlCache}), writes
 * and removals passed on and forgotten at once, health and closing passed on.
 *
 * @param <V> what a read returns: text for config, a {@code Secret} for secrets
 */
abstract class CachingStore<V> implements Store {
  private final Store store;
  private final Function<String, Optional<V>> read;
  private final BiConsumer<String, String> write;
  private final Consumer<String> delete;
  private final TtlCache<V> cache;

  CachingStore(Store store, Function<String, Optional<V>> read, BiConsumer<String, String> write,
      Consumer<String> delete, Duration ttl, LongSupplier nanoTime) {
    this.store = Objects.requireNonNull(store, "store == null");
    this.read = read;
    this.write = write;
    this.delete = delete;
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

  public Optional<V> get(String key) {
    return cache.get(key, read);
  }

  public void set(String key, String value) {
    write.accept(key, value);
    cache.forget(key);
  }

  public void remove(String key) {
    delete.accept(key);
    cache.forget(key);
  }

  @Override
  public void close() {
    store.close();
  }
}
