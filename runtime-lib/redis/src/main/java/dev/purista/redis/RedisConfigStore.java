package dev.purista.redis;

import dev.purista.core.store.ConfigStore;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Configuration in Redis: each key is the Redis string {@code <keyPrefix>config:<key>} holding the value as it is
 * (UTF-8), so an operator changes a value with {@code redis-cli SET purista:config:limit 10}. Combine with
 * {@code PURISTA_CONFIG_CACHE_TTL} to read Redis less often.
 */
public final class RedisConfigStore implements ConfigStore {
  private final RedisConnection redis;
  private final String keyPrefix;

  private RedisConfigStore(RedisStoreConfig config) {
    this.redis = new RedisConnection(config);
    this.keyPrefix = config.keyPrefix() + "config:";
  }

  /** A store with the settings of {@code config}. */
  public static RedisConfigStore of(RedisStoreConfig config) {
    return new RedisConfigStore(config);
  }

  /** A store with the defaults changed by {@code settings}. */
  public static RedisConfigStore configure(Consumer<RedisStoreConfig.Builder> settings) {
    RedisStoreConfig.Builder builder = RedisStoreConfig.builder();
    settings.accept(builder);
    return of(builder.build());
  }

  /** A store with the settings of this process's environment ({@link RedisStoreConfig#fromEnvironment()}). */
  public static RedisConfigStore fromEnvironment() {
    return of(RedisStoreConfig.fromEnvironment());
  }

  @Override
  public String name() {
    return "redis-config " + redis.displayUrl();
  }

  @Override
  public boolean isHealthy() {
    return redis.ping();
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(redis.idempotent(jedis -> jedis.get(keyPrefix + key)));
  }

  @Override
  public void set(String key, String value) {
    redis.idempotent(jedis -> jedis.set(keyPrefix + key, value));
  }

  @Override
  public void remove(String key) {
    redis.idempotent(jedis -> jedis.del(keyPrefix + key));
  }

  @Override
  public void close() {
    redis.close();
  }
}
