package dev.purista.redis;

import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.StateStore;
import dev.purista.testkit.ConfigStoreContract;
import dev.purista.testkit.StateStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/** The Redis stores pass the store contracts on a real Redis; each store its own connection pool. */
class RedisStoreContractTest {
  private static final String PREFIX = "purista-test:" + Long.toHexString(System.nanoTime()) + ":";

  @AfterAll
  static void deleteKeys() {
    RedisTestServer.deleteAll(PREFIX);
  }

  @Nested
  class State extends StateStoreContract {
    @Override
    protected StateStore newStore() {
      return RedisStateStore.of(RedisTestServer.config(PREFIX));
    }
  }

  @Nested
  class Config extends ConfigStoreContract {
    @Override
    protected ConfigStore newStore() {
      return RedisConfigStore.of(RedisTestServer.config(PREFIX));
    }
  }
}
