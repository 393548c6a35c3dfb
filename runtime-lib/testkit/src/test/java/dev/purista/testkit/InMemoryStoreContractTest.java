package dev.purista.testkit;

import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.StateStore;
import dev.purista.core.store.memory.InMemoryConfigStore;
import dev.purista.core.store.memory.InMemoryStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * The in-memory stores pass the store contracts. "Another store on the same data" is the same instance here:
 * in-memory data lives in one object.
 */
class InMemoryStoreContractTest {

  @Nested
  class State extends StateStoreContract {
    private StateStore shared;

    @BeforeEach
    void newData() {
      shared = new InMemoryStateStore();
    }

    @Override
    protected StateStore newStore() {
      return shared;
    }
  }

  @Nested
  class Config extends ConfigStoreContract {
    private ConfigStore shared;

    @BeforeEach
    void newData() {
      shared = new InMemoryConfigStore();
    }

    @Override
    protected ConfigStore newStore() {
      return shared;
    }
  }
}
