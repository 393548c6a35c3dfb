package dev.purista.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.message.JsonMappers;
import dev.purista.core.store.StateStore;
import dev.purista.core.store.spi.StateJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * State in Redis: each key is the Redis string {@code <keyPrefix>state:<key>} holding the value's JSON, so other
 * tools can read it and another process's store sees it at once. {@link #increment} is Redis's {@code INCRBY},
 * atomic across processes; it works on values that are whole numbers, and fails on anything else without
 * changing it.
 *
 * <pre>{@code
 * StateStore states = RedisStateStore.configure(c -> c.url("redis://cache:6379").keyPrefix("shop:"));
 * }</pre>
 */
public final class RedisStateStore implements StateStore {
  private final RedisConnection redis;
  private final String keyPrefix;
  private final StateJson json;

  private RedisStateStore(RedisStoreConfig config, ObjectMapper mapper) {
    this.redis = new RedisConnection(config);
    this.keyPrefix = config.keyPrefix() + "state:";
    this.json = new StateJson(mapper, "Redis");
  }

  /** A store with the settings of {@code config}. */
  public static RedisStateStore of(RedisStoreConfig config) {
    return new RedisStateStore(config, JsonMappers.standard());
  }

  /** A store with the settings of {@code config} that converts values with {@code mapper}. */
  public static RedisStateStore of(RedisStoreConfig config, ObjectMapper mapper) {
    return new RedisStateStore(config, mapper);
  }

  /** A store with the defaults changed by {@code settings}. */
  public static RedisStateStore configure(Consumer<RedisStoreConfig.Builder> settings) {
    RedisStoreConfig.Builder builder = RedisStoreConfig.builder();
    settings.accept(builder);
    return of(builder.build());
  }

  /** A store with the settings of this process's environment ({@link RedisStoreConfig#fromEnvironment()}). */
  public static RedisStateStore fromEnvironment() {
    return of(RedisStoreConfig.fromEnvironment());
  }

  @Override
  public String name() {
    return "redis-state " + redis.displayUrl();
  }

  @Override
  public boolean isHealthy() {
    return redis.ping();
  }

  @Override
  public <T> Optional<T> get(String key, Class<T> type) {
    byte[] value = redis.idempotent(jedis -> jedis.get(bytes(keyPrefix + key)));
    return value == null ? Optional.empty() : Optional.of(json.read(key, value, type));
  }

  @Override
  public void set(String key, Object value) {
    if (value == null) {
      remove(key);
      return;
    }
    byte[] encoded = json.write(key, value);
    redis.idempotent(jedis -> jedis.set(bytes(keyPrefix + key), encoded));
  }

  @Override
  public void remove(String key) {
    redis.idempotent(jedis -> jedis.del(bytes(keyPrefix + key)));
  }

  @Override
  public long increment(String key, long delta) {
    try {
      return redis.once(jedis -> jedis.incrBy(bytes(keyPrefix + key), delta));
    } catch (JedisDataException e) {
      throw new IllegalStateException("State '" + key + "' is not a whole number: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    redis.close();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
