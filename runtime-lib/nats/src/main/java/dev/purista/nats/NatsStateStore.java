package dev.purista.nats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.message.JsonMappers;
import dev.purista.core.store.StateStore;
import io.nats.client.api.KeyValueEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
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
  private final ObjectMapper mapper;

  private NatsStateStore(NatsStoreConfig config, ObjectMapper mapper) {
    this.bucket = new KvBucket(config.connection(), config.stateBucket());
    this.mapper = mapper;
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
    byte[] json = bucket.get(key);
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(mapper.readValue(json, type));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("state '" + key + "' in the " + bucket.describe() + " is not a "
          + type.getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void set(String key, Object value) {
    if (value == null) {
      remove(key);
      return;
    }
    bucket.put(key, json(key, value));
  }

  @Override
  public void remove(String key) {
    bucket.delete(key);
  }

  @Override
  public long increment(String key, long delta) {
    while (true) {
      KeyValueEntry entry = bucket.entry(key);
      long current = entry == null ? 0 : wholeNumber(key, entry.getValue());
      long next = Math.addExact(current, delta);
      if (bucket.compareAndSet(key, json(key, next), entry == null ? 0 : entry.getRevision())) {
        return next;
      }
      // Another writer changed the key since we read it: read again.
    }
  }

  private long wholeNumber(String key, byte[] json) {
    try {
      JsonNode node = json == null ? null : mapper.readTree(json);
      if (node != null && node.canConvertToExactIntegral() && node.canConvertToLong()) {
        return node.asLong();
      }
    } catch (IOException e) {
      // Not JSON at all: not a number either.
    }
    throw new IllegalStateException("State '" + key + "' is not a whole number");
  }

  private byte[] json(String key, Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("state '" + key + "' cannot be stored as JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  @Override
  public void close() {
    bucket.close();
  }
}
