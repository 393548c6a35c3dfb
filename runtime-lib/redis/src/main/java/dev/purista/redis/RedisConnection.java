package dev.purista.redis;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * One store's pool of Redis connections, and what happens when Redis went away: a call on a connection that broke
 * meanwhile (Redis restarted, a proxy dropped it) empties the pool's idle connections, which broke with it, and is
 * tried once more on a fresh connection when it is safe to repeat. A call that still fails ends in an
 * {@link IllegalStateException} that names the server and never its password.
 */
final class RedisConnection implements AutoCloseable {
  private final RedisClient client;
  private final String displayUrl;

  RedisConnection(RedisStoreConfig config) {
    int timeoutMillis = Math.toIntExact(config.timeout().toMillis());
    DefaultJedisClientConfig.Builder clientConfig = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(timeoutMillis)
        .socketTimeoutMillis(timeoutMillis)
        .database(JedisURIHelper.getDBIndex(config.url()))
        .clientName("purista");
    if (JedisURIHelper.isRedisSSLScheme(config.url())) {
      clientConfig.sslOptions(SslOptions.defaults());
    }
    String password = JedisURIHelper.getPassword(config.url());
    if (password != null) {
      clientConfig.user(JedisURIHelper.getUser(config.url())).password(password);
    }
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(config.maxConnections());
    pool.setMaxIdle(config.maxConnections());
    pool.setMaxWait(config.timeout());
    // Pools must not register JMX beans per store: tests and processes make many.
    pool.setJmxEnabled(false);
    int port = config.url().getPort() == -1 ? 6379 : config.url().getPort();
    this.client = RedisClient.builder()
        .hostAndPort(config.url().getHost(), port)
        .clientConfig(clientConfig.build())
        .poolConfig(pool)
        .build();
    this.displayUrl = config.displayUrl();
  }

  /** Runs an idempotent call, once more on a fresh connection when the first found its connection broken. */
  <T> T idempotent(Function<RedisClient, T> call) {
    try {
      return call.apply(client);
    } catch (JedisConnectionException first) {
      client.getPool().clear();
      try {
        return call.apply(client);
      } catch (JedisConnectionException second) {
        second.addSuppressed(first);
        throw unreachable(second);
      }
    }
  }

  /**
   * Runs a call that is tried once more after a broken connection only because it can tell a repeat: the second
   * try is passed {@code true}, so that it can recognise what its first try may already have done on the server.
   */
  <T> T repeatable(BiFunction<RedisClient, Boolean, T> call) {
    try {
      return call.apply(client, false);
    } catch (JedisConnectionException first) {
      client.getPool().clear();
      try {
        return call.apply(client, true);
      } catch (JedisConnectionException second) {
        second.addSuppressed(first);
        throw unreachable(second);
      }
    }
  }

  /**
   * Runs a call that must not run twice (an increment that may have reached Redis before the connection broke).
   * A broken connection still empties the idle ones, so that the next call starts fresh.
   */
  <T> T once(Function<RedisClient, T> call) {
    try {
      return call.apply(client);
    } catch (JedisConnectionException e) {
      client.getPool().clear();
      throw unreachable(e);
    }
  }

  boolean ping() {
    try {
      return "PONG".equals(client.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private IllegalStateException unreachable(JedisConnectionException e) {
    return new IllegalStateException("Redis at " + displayUrl + " is unreachable: " + e.getMessage(), e);
  }

  String displayUrl() {
    return displayUrl;
  }

  @Override
  public void close() {
    client.close();
  }
}
