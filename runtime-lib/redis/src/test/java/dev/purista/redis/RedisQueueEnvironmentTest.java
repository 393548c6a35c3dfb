package dev.purista.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.queue.EnvironmentQueues;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.queue.spi.QueueBridge;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** PURISTA_QUEUE_BRIDGE=redis finds the Redis queue bridge through its provider, with the PURISTA_REDIS_* settings. */
class RedisQueueEnvironmentTest {
  @Test
  void theEnvironmentSelectsRedisWithItsUrlAndKeyPrefix() {
    String prefix = "purista-test:" + Long.toHexString(System.nanoTime()) + ":";
    Map<String, String> env = Map.of("PURISTA_QUEUE_BRIDGE", "redis", "PURISTA_REDIS_URL", RedisTestServer.url(),
        "PURISTA_REDIS_KEY_PREFIX", prefix);
    try (QueueBridge bridge = EnvironmentQueues.from(env::get).queueBridge();
        RedisClient raw = RedisClient.create(URI.create(RedisTestServer.url()))) {
      assertInstanceOf(RedisQueueBridge.class, bridge);
      String id = bridge.enqueue("mails", new NewJob("{}".getBytes(StandardCharsets.UTF_8), null, null, null))
          .jobId();

      assertEquals("{}", raw.hget(prefix + "queue:mails:job:" + id, "payload"), "the job under the prefixed key");
      assertEquals(1, raw.zcard(prefix + "queue:mails:due"));
    } finally {
      RedisTestServer.deleteAll(prefix);
    }
  }

  @Test
  void badRedisSettingsFailNamingTheirVariable() {
    Map<String, String> env = Map.of("PURISTA_QUEUE_BRIDGE", "redis", "PURISTA_REDIS_URL", "http://host:6379");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> EnvironmentQueues.from(env::get).queueBridge());
    assertTrue(refused.getMessage().contains("PURISTA_REDIS_URL"), refused.getMessage());
  }
}
