package dev.purista.nats;

import dev.purista.core.store.ConfigStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Configuration in a NATS JetStream key-value bucket ({@code purista_config} unless configured), each value as
 * UTF-8 text, so an operator changes one with {@code nats kv put purista_config limit 10}. Keys other than
 * letters, digits, {@code -} and {@code _} are escaped (see the docs). Combine with {@code PURISTA_CONFIG_CACHE_TTL}
 * to read NATS less often.
 */
public final class NatsConfigStore implements ConfigStore {
  private final KvBucket bucket;

  private NatsConfigStore(NatsStoreConfig config) {
    this.bucket = new KvBucket(config.connection(), config.configBucket());
  }

  /** Connects to the server of {@code config} and opens (or makes) its config bucket. */
  public static NatsConfigStore of(NatsStoreConfig config) {
    return new NatsConfigStore(config);
  }

  @Override
  public String name() {
    return "nats-config " + bucket.describe();
  }

  @Override
  public boolean isHealthy() {
    return bucket.isHealthy();
  }

  @Override
  public Optional<String> get(String key) {
    byte[] value = bucket.get(key);
    return value == null ? Optional.empty() : Optional.of(new String(value, StandardCharsets.UTF_8));
  }

  @Override
  public void set(String key, String value) {
    bucket.put(key, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void remove(String key) {
    bucket.delete(key);
  }

  @Override
  public void close() {
    bucket.close();
  }
}
