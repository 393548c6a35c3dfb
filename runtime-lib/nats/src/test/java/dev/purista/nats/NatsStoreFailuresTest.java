package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.EnvironmentStores;
import dev.purista.core.store.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Key escaping, foreign data in a bucket, selection by environment, and a server restart under the stores. */
class NatsStoreFailuresTest {
  private final String run = Long.toHexString(System.nanoTime());

  record Order(String id, int cents) {
  }

  @Test
  void keysAreEscapedOneToOneIntoWhatNatsAccepts() {
    assertEquals("user=3A42", KvKeys.encode("user:42"));
    assertEquals("a=2Eb", KvKeys.encode("a.b"));
    assertEquals("a=3Db", KvKeys.encode("a=b"));
    assertEquals("plain-key_1", KvKeys.encode("plain-key_1"));
    assertEquals("=C3=BC", KvKeys.encode("ü"));
    assertNotEquals(KvKeys.encode("a.b"), KvKeys.encode("a=2Eb"));
    assertThrows(IllegalArgumentException.class, () -> KvKeys.encode(""));
  }

  @Test
  void foreignDataUnderAKeyFailsNamingTheKeyAndTheStoreGoesOn() throws Exception {
    NatsStoreConfig config = config();
    try (StateStore store = NatsStateStore.of(config);
        BrokerProbe raw = new BrokerProbe(NatsTestSupport.brokerUrl())) {
      raw.connection.keyValue(config.stateBucket()).put("order", "{broken".getBytes(StandardCharsets.UTF_8));

      IllegalStateException broken = assertThrows(IllegalStateException.class, () -> store.get("order", Order.class));
      assertTrue(broken.getMessage().startsWith("state 'order' in the NATS key-value bucket"), broken.getMessage());
      assertThrows(IllegalStateException.class, () -> store.increment("order"));

      store.set("order", new Order("o-1", 250));
      assertEquals(Optional.of(new Order("o-1", 250)), store.get("order", Order.class));
    } finally {
      deleteBuckets(config);
    }
  }

  @Test
  void theEnvironmentSelectsNatsForStateAndConfig() throws Exception {
    Map<String, String> env = Map.of("PURISTA_STATE_STORE", "nats", "PURISTA_CONFIG_STORE", "nats",
        "PURISTA_NATS_URL", NatsTestSupport.brokerUrl(), "PURISTA_NATS_STATE_BUCKET", "purista_test_state_" + run,
        "PURISTA_NATS_CONFIG_BUCKET", "purista_test_config_" + run);
    EnvironmentStores stores = EnvironmentStores.from(env::get);
    try (StateStore states = stores.stateStore(); ConfigStore configs = stores.configStore();
        BrokerProbe raw = new BrokerProbe(NatsTestSupport.brokerUrl())) {
      assertInstanceOf(NatsStateStore.class, states);
      assertInstanceOf(NatsConfigStore.class, configs);

      states.set("visits", 41);
      states.increment("visits");
      configs.set("limit:max", "10");

      assertEquals("42", raw.connection.keyValue("purista_test_state_" + run).get("visits").getValueAsString());
      assertEquals("10", raw.connection.keyValue("purista_test_config_" + run).get("limit=3Amax").getValueAsString());
    } finally {
      deleteBuckets(config());
    }
  }

  @Test
  void aBadBucketNameFailsNamingTheVariable() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> NatsStoreConfig.fromEnvironment(Map.of("PURISTA_NATS_STATE_BUCKET", "has.dots")::get));

    assertTrue(refused.getMessage().contains("PURISTA_NATS_STATE_BUCKET"), refused.getMessage());
  }

  @Test
  void valuesSurviveAServerRestartAndTheStoreGoesOnAfterIt() throws Exception {
    try (NatsServerProcess server = NatsServerProcess.start()) {
      NatsStoreConfig config = NatsStoreConfig.of(NatsTestSupport.fastConfig(server.url()).build());
      try (StateStore store = NatsStateStore.of(config)) {
        store.set("before", new Order("o-1", 1));
        store.increment("count");

        server.kill();
        IllegalStateException down = assertThrows(IllegalStateException.class, () -> store.set("during", 1));
        assertTrue(down.getMessage().contains("did not answer"), down.getMessage());
        assertFalse(store.isHealthy());
        server.restart();

        Eventually.await(Duration.ofSeconds(15), "the store is healthy again", store::isHealthy);
        assertEquals(Optional.of(new Order("o-1", 1)), store.get("before", Order.class));
        assertEquals(2, store.increment("count"));
      }
    }
  }

  private NatsStoreConfig config() {
    return NatsStoreConfig.of(NatsTestSupport.fastConfig(NatsTestSupport.brokerUrl()).build())
        .withStateBucket("purista_test_state_" + run).withConfigBucket("purista_test_config_" + run);
  }

  private static void deleteBuckets(NatsStoreConfig config) throws Exception {
    try (BrokerProbe probe = new BrokerProbe(NatsTestSupport.brokerUrl())) {
      for (String bucket : new String[] {config.stateBucket(), config.configBucket()}) {
        if (probe.connection.keyValueManagement().getBucketNames().contains(bucket)) {
          probe.connection.keyValueManagement().delete(bucket);
        }
      }
    }
  }
}
