package dev.purista.nats;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.message.JsonMappers;
import dev.purista.core.store.StateStore;
import dev.purista.core.store.spi.StateJson;
import io.nats.client.api.KeyValueEntry;
import java.util.Optional;

/**
 * State in a NATS JetStream key-value bucket ({@code purista_state} unless configured), each value as JSON, file
 * storage, one revision kept per key. {@link #increment} is a compare-and-set loop on the key's revision, so
 * increments from several processes never lose one another.
 *
 * <pre>{@code
 * StateStore states = NatsStateStore.of(NatsStoreConfig.fromEnvironment());
 * }</pre>
 */
public final class NatsStateStore implements StateStore {
  private final KvBucket bucket;
  private final StateJson json;

  private NatsStateStore(NatsStoreConfig config, ObjectMapper mapper) {
    this.bucket = new KvBucket(config.connection(), config.stateBucket());
    this.json = new StateJson(mapper, "the " + bucket.describe());
  }

  /** Connects to the server of {@code config} and opens (or makes) its state bucket. */
  public static NatsStateStore of(NatsStoreConfig config) {
    return new NatsStateStore(config, JsonMappers.standard());
  }

  /** The same, converting values with {@code mapper}. */
  public static NatsStateStore of(NatsStoreConfig config, ObjectMapper mapper) {
    return new NatsStateStore(config, mapper);
  }

  @Override
  public String name() {
    return "nats-state " + bucket.describe();
  }

  @Override
  public boolean isHealthy() {
    return bucket.isHealthy();
  }

  @Override
  public <T> Optional<T> get(String key, Class<T> type) {
    byte[] value = bucket.get(key);
    return value == null ? Optional.empty() : Optional.of(json.read(key, value, type));
  }

  @Override
  public void set(String key, Object value) {
    if (value == null) {
      remove(key);
      return;
    }
    bucket.put(key, json.write(key, value));
  }

  @Override
  public void remove(String key) {
    bucket.delete(key);
  }

  @Override
  public long increment(String key, long delta) {
    while (true) {
      KeyValueEntry entry = bucket.entry(key);
      long current = entry == null ? 0 : json.wholeNumber(key, entry.getValue());
      long next = Math.addExact(current, delta);
      if (bucket.compareAndSet(key, json.write(key, next), entry == null ? 0 : entry.getRevision())) {
        return next;
      }
      // Another writer changed the key since we read it: read again.
    }
  }

  @Override
  public void close() {
    bucket.close();
  }
}
