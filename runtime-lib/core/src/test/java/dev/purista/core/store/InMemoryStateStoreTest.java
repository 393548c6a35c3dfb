package dev.purista.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.store.memory.InMemoryStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InMemoryStateStoreTest {
  record Profile(String name, List<String> tags) {
  }

  @Test
  void storesACopyThatTheCallerCannotChangeAfterwards() {
    InMemoryStateStore store = new InMemoryStateStore();
    List<String> tags = new ArrayList<>(List.of("a"));
    store.set("p", new Profile("ann", tags));
    tags.add("b");

    assertEquals(new Profile("ann", List.of("a")), store.get("p", Profile.class).orElseThrow());
    store.remove("p");
    assertTrue(store.get("p", Profile.class).isEmpty());
  }

  @Test
  void incrementIsAtomicUnderConcurrency() {
    InMemoryStateStore store = new InMemoryStateStore();

    CompletableFuture.allOf(IntStream.range(0, 8).mapToObj(i -> CompletableFuture.runAsync(() -> {
      for (int n = 0; n < 1000; n++) {
        store.increment("count");
      }
    })).toArray(CompletableFuture[]::new)).join();

    assertEquals(8000L, store.get("count", Long.class).orElseThrow());
    store.set("text", "x");
    assertThrows(IllegalStateException.class, () -> store.increment("text"));
  }
}
