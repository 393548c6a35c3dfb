package dev.purista.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.EnvironmentStores;
import dev.purista.core.store.StateStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** What the Redis stores do with bad data, a server that is not there, and bad settings. */
class RedisStoreFailuresTest {
  private final String prefix = "purista-test:" + Long.toHexString(System.nanoTime()) + ":";

  record Order(String id, int cents) {
  }

  @Test
  void foreignDataUnderAStateKeyFailsNamingTheKeyAndNotTheValue() {
    try (StateStore store = RedisStateStore.of(RedisTestServer.config(prefix));
        Jedis raw = new Jedis(java.net.URI.create(RedisTestServer.url()))) {
      raw.set(prefix + "state:order", "{not json, secret-ish content");
      raw.set(prefix + "state:text", "\"just text\"");

      IllegalStateException broken = assertThrows(IllegalStateException.class, () -> store.get("order", Order.class));
      IllegalStateException wrongType = assertThrows(IllegalStateException.class,
          () -> store.get("text", Order.class));

      assertTrue(broken.getMessage().startsWith("state 'order' in Redis is not a Order as JSON"),
          broken.getMessage());
      assertFalse(broken.getMessage().contains("secret-ish"), broken.getMessage());
      assertTrue(wrongType.getMessage().contains("'text'"), wrongType.getMessage());
      store.set("order", new Order("o-1", 250));
      assertEquals(Optional.of(new Order("o-1", 250)), store.get("order", Order.class), "the store goes on");
      raw.del(prefix + "state:order", prefix + "state:text");
    }
  }

  @Test
  void aServerThatIsNotThereIsUnhealthyAndCallsFailNamingItWithoutThePassword() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RedisStoreConfig config = RedisStoreConfig.builder().url("redis://:s3cret@127.0.0.1:" + closedPort)
        .timeout(Duration.ofMillis(500)).build();
    try (StateStore states = RedisStateStore.of(config); ConfigStore configs = RedisConfigStore.of(config)) {
      assertFalse(states.isHealthy());
      IllegalStateException failed = assertThrows(IllegalStateException.class, () -> states.get("x", String.class));
      IllegalStateException failedIncrement = assertThrows(IllegalStateException.class,
          () -> states.increment("x"));
      IllegalStateException failedConfig = assertThrows(IllegalStateException.class, () -> configs.get("x"));

      for (IllegalStateException e : new IllegalStateException[] {failed, failedIncrement, failedConfig}) {
        assertTrue(e.getMessage().startsWith("Redis at redis://:***@127.0.0.1:" + closedPort + " is unreachable"),
            e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
      }
    }
  }

  @Test
  void badSettingsFailNamingTheirVariable() {
    IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class,
        () -> RedisStoreConfig.fromEnvironment(Map.of("PURISTA_REDIS_URL", "http://u:pw@host:6379")::get));
    IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
        () -> RedisStoreConfig.fromEnvironment(Map.of("PURISTA_REDIS_TIMEOUT", "2000")::get));

    assertTrue(scheme.getMessage().contains("PURISTA_REDIS_URL"), scheme.getMessage());
    assertFalse(scheme.getMessage().contains("pw"), scheme.getMessage());
    assertTrue(timeout.getMessage().contains("PURISTA_REDIS_TIMEOUT"), timeout.getMessage());
  }

  @Test
  void theEnvironmentSelectsRedisForStateAndConfig() {
    Map<String, String> env = Map.of("PURISTA_STATE_STORE", "redis", "PURISTA_CONFIG_STORE", "redis",
        "PURISTA_REDIS_URL", RedisTestServer.url(), "PURISTA_REDIS_KEY_PREFIX", prefix);
    EnvironmentStores stores = EnvironmentStores.from(env::get);
    try (StateStore states = stores.stateStore(); ConfigStore configs = stores.configStore();
        Jedis raw = new Jedis(java.net.URI.create(RedisTestServer.url()))) {
      assertInstanceOf(RedisStateStore.class, states);
      assertInstanceOf(RedisConfigStore.class, configs);

      states.set("visits", 41);
      states.increment("visits");
      configs.set("limit", "10");

      assertEquals("42", raw.get(prefix + "state:visits"), "the value is JSON under the prefixed key");
      assertEquals("10", raw.get(prefix + "config:limit"));
      raw.del(prefix + "state:visits", prefix + "config:limit");
    }
  }
}
