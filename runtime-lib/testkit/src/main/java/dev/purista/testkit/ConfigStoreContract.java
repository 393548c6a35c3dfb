package dev.purista.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.store.ConfigStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every writable {@link ConfigStore} keeps, as one JUnit 5 suite: text values round-trip exactly,
 * another store on the same data sees them, removal deletes. A store module extends it and says how to make a
 * store; every test uses keys of its own.
 */
public abstract class ConfigStoreContract {
  private final List<ConfigStore> stores = new ArrayList<>();
  private String keyPrefix;

  /** For the store's test class, which extends this one. */
  protected ConfigStoreContract() {
  }

  /** A new store on the same data as every other store this test class makes; the suite closes it. */
  protected abstract ConfigStore newStore();

  @BeforeEach
  void uniqueKeys() {
    keyPrefix = "contract-" + Long.toHexString(System.nanoTime()) + "-";
  }

  @AfterEach
  void closeStores() {
    stores.forEach(ConfigStore::close);
    stores.clear();
  }

  private ConfigStore store() {
    ConfigStore store = newStore();
    stores.add(store);
    return store;
  }

  @Test
  void valuesRoundTripExactlyAndAnotherStoreSeesThem() {
    ConfigStore writer = store();
    ConfigStore reader = store();
    String[] values = {"42", "", " padded ", "multi\nline", "{\"json\":true}", "ünïcödé ✓"};
    for (int i = 0; i < values.length; i++) {
      writer.set(keyPrefix + "value" + i, values[i]);
    }

    for (int i = 0; i < values.length; i++) {
      assertEquals(Optional.of(values[i]), reader.get(keyPrefix + "value" + i), "value " + i);
    }
    assertTrue(reader.isHealthy());
  }

  @Test
  void aMissingKeyIsEmptyAndRemoveDeletes() {
    ConfigStore store = store();
    assertEquals(Optional.empty(), store.get(keyPrefix + "never"));

    store.set(keyPrefix + "flag", "on");
    store.set(keyPrefix + "flag", "off");
    assertEquals(Optional.of("off"), store.get(keyPrefix + "flag"));
    store.remove(keyPrefix + "flag");
    store.remove(keyPrefix + "never");

    assertEquals(Optional.empty(), store().get(keyPrefix + "flag"));
  }

  @Test
  void keysWithAnyCharacterAreKeptApart() {
    ConfigStore store = store();
    String[] names = {"feature:x", "feature/x", "feature.x", "feature x", "a=b"};
    for (String name : names) {
      store.set(keyPrefix + name, name);
    }
    for (String name : names) {
      assertEquals(Optional.of(name), store.get(keyPrefix + name), name);
    }
  }
}
