package dev.purista.nats;

import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.StateStore;
import dev.purista.testkit.ConfigStoreContract;
import dev.purista.testkit.StateStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/** The NATS key-value stores pass the store contracts on the real server, in buckets of this run's own. */
class NatsStoreContractTest {
  private static final String RUN = Long.toHexString(System.nanoTime());
  private static final NatsStoreConfig CONFIG = NatsStoreConfig.of(NatsTestSupport.fastConfig(
      NatsTestSupport.brokerUrl()).build()).withStateBucket("purista_test_state_" + RUN)
      .withConfigBucket("purista_test_config_" + RUN);

  @AfterAll
  static void deleteBuckets() throws Exception {
    try (BrokerProbe probe = new BrokerProbe(NatsTestSupport.brokerUrl())) {
      probe.connection.keyValueManagement().delete(CONFIG.stateBucket());
      probe.connection.keyValueManagement().delete(CONFIG.configBucket());
    }
  }

  @Nested
  class State extends StateStoreContract {
    @Override
    protected StateStore newStore() {
      return NatsStateStore.of(CONFIG);
    }
  }

  @Nested
  class Config extends ConfigStoreContract {
    @Override
    protected ConfigStore newStore() {
      return NatsConfigStore.of(CONFIG);
    }
  }
}
