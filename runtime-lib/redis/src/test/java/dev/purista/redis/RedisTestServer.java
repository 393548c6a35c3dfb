package dev.purista.redis;

import java.net.URI;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

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

  /** Deletes every key under {@code keyPrefix}, so that tests leave nothing behind on the shared server. */
  static void deleteAll(String keyPrefix) {
    try (RedisClient raw = RedisClient.create(URI.create(url()))) {
      ScanParams match = new ScanParams().match(keyPrefix + "*").count(500);
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page = raw.scan(cursor, match);
        if (!page.getResult().isEmpty()) {
          raw.del(page.getResult().toArray(String[]::new));
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
  }
}
