package dev.purista.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.store.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link StateStore} keeps, as one JUnit 5 suite. A store module extends it and says how to
 * make a store that sees the same data as the other stores it makes (one Redis, one NATS bucket); the suite
 * checks values round-trip as JSON, removal, and atomic increments from several stores at once.
 *
 * <pre>{@code
 * class RedisStateStoreContractTest extends StateStoreContract {
 *   protected StateStore newStore() { return RedisStateStore.configure(c -> c.url(URL).keyPrefix(prefix)); }
 * }
 * }</pre>
 *
 * <p>Every test uses keys of its own, so leftovers of earlier runs on a shared server cannot interfere.
 */
public abstract class StateStoreContract {
  private final List<StateStore> stores = new ArrayList<>();
  private String keyPrefix;

  /** For the store's test class, which extends this one. */
  protected StateStoreContract() {
  }

  /**
   * A new store, connected to the same data as every other store this test class makes, so that two of them act
   * like two processes. The suite closes it after the test.
   */
  protected abstract StateStore newStore();

  /** A value JSON cannot hold: its one property cannot be read. */
  public static final class Unwritable {
    /** A value of its own for the suite. */
    public Unwritable() {
    }

    /** Always fails, as a broken getter would. */
    public String getValue() {
      throw new IllegalStateException("this value cannot be written");
    }
  }

  /** A payload record, as handlers store them. */
  public record Cart(String owner, List<String> items, int total) {
  }

  @BeforeEach
  void uniqueKeys() {
    keyPrefix = "contract-" + Long.toHexString(System.nanoTime()) + "-";
  }

  @AfterEach
  void closeStores() {
    stores.forEach(StateStore::close);
    stores.clear();
  }

  private StateStore store() {
    StateStore store = newStore();
    stores.add(store);
    return store;
  }

  private String key(String name) {
    return keyPrefix + name;
  }

  @Test
  void aRecordRoundTripsAndAnotherStoreSeesIt() {
    StateStore writer = store();
    StateStore reader = store();
    Cart cart = new Cart("ada", List.of("book", "pen"), 1250);

    writer.set(key("cart"), cart);

    assertEquals(Optional.of(cart), reader.get(key("cart"), Cart.class));
    assertTrue(writer.isHealthy());
  }

  @Test
  void plainValuesRoundTripWithTheirTypes() {
    StateStore store = store();
    store.set(key("text"), "größe: 42 ✓");
    store.set(key("number"), 12.5);
    store.set(key("flag"), true);
    store.set(key("map"), Map.of("a", 1));

    assertEquals(Optional.of("größe: 42 ✓"), store.get(key("text"), String.class));
    assertEquals(Optional.of(12.5), store.get(key("number"), Double.class));
    assertEquals(Optional.of(true), store.get(key("flag"), Boolean.class));
    assertEquals(1, ((Map<?, ?>) store.get(key("map"), Map.class).orElseThrow()).get("a"));
  }

  @Test
  void aMissingKeyIsEmptyAndRemoveAndNullSetDelete() {
    StateStore store = store();
    assertEquals(Optional.empty(), store.get(key("never"), String.class));

    store.set(key("gone"), "x");
    store.remove(key("gone"));
    store.set(key("nulled"), "y");
    store.set(key("nulled"), null);
    store.remove(key("never"));

    assertEquals(Optional.empty(), store.get(key("gone"), String.class));
    assertEquals(Optional.empty(), store.get(key("nulled"), String.class));
  }

  @Test
  void setReplacesTheWholeValue() {
    StateStore store = store();
    store.set(key("cart"), new Cart("ada", List.of("book"), 100));
    store.set(key("cart"), new Cart("bob", List.of(), 0));

    assertEquals(Optional.of(new Cart("bob", List.of(), 0)), store.get(key("cart"), Cart.class));
  }

  @Test
  void keysWithAnyCharacterAreKeptApart() {
    StateStore store = store();
    String[] names = {"user:42", "user/42", "user.42", "user 42", "ünïcödé", "a=b", "*", ">"};
    for (String name : names) {
      store.set(key(name), name);
    }
    for (String name : names) {
      assertEquals(Optional.of(name), store.get(key(name), String.class), name);
    }
  }

  @Test
  void incrementStartsAtZeroAndIsAtomicAcrossStores() throws Exception {
    String counter = key("counter");
    assertEquals(1, store().increment(counter));
    assertEquals(11, store().increment(counter, 10));
    assertEquals(Optional.of(11L), store().get(counter, Long.class));

    List<StateStore> workers = List.of(store(), store(), store(), store());
    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (StateStore worker : workers) {
        tasks.add(() -> {
          for (int i = 0; i < 50; i++) {
            worker.increment(counter);
          }
          return null;
        });
      }
      for (Future<Void> done : pool.invokeAll(tasks)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(11 + workers.size() * 50L, store().get(counter, Long.class).orElseThrow());
  }

  @Test
  void incrementOfANonNumberFailsAndKeepsTheValue() {
    StateStore store = store();
    store.set(key("word"), "seven");

    assertThrows(IllegalStateException.class, () -> store.increment(key("word")));
    assertEquals(Optional.of("seven"), store.get(key("word"), String.class));
  }

  @Test
  void aValueThatIsNotJsonSerializableIsRefusedAndNothingIsStored() {
    StateStore store = store();

    assertThrows(IllegalArgumentException.class, () -> store.set(key("thread"), new Unwritable()));
    assertEquals(Optional.empty(), store.get(key("thread"), Object.class));
  }
}
