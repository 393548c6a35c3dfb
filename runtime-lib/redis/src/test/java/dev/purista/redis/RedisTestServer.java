package dev.purista.redis;

/**
 * The Redis server the tests use: {@code PURISTA_REDIS_URL}, as in production, or the local default. A server
 * that is not there fails the tests when they connect; nothing is skipped.
 */
final class RedisTestServer {
  private RedisTestServer() {
  }

  static String url() {
    String url = System.getenv("PURISTA_REDIS_URL");
    return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
  }

  /** Settings on the test server, under a key prefix of the test's own. */
  static RedisStoreConfig config(String keyPrefix) {
    return RedisStoreConfig.builder().url(url()).keyPrefix(keyPrefix).build();
  }
}
