package dev.purista.core.store.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.memory.InMemoryConfigStore;
import dev.purista.core.store.memory.InMemorySecretStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Cached reads: kept for the time to live, absent values too; writes through the cache are seen at once. */
class CachingStoresTest {
  private final AtomicLong now = new AtomicLong(1_000);

  /** A config store that counts its reads. */
  private static final class CountingConfigStore implements ConfigStore {
    final InMemoryConfigStore values = new InMemoryConfigStore(Map.of("limit", "5"));
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public Optional<String> get(String key) {
      reads.incrementAndGet();
      return values.get(key);
    }

    @Override
    public void set(String key, String value) {
      values.set(key, value);
    }

    @Override
    public void remove(String key) {
      values.remove(key);
    }
  }

  @Test
  void readsAreKeptForTheTimeToLiveThenReadAgain() {
    CountingConfigStore backing = new CountingConfigStore();
    CachingConfigStore cached = new CachingConfigStore(backing, Duration.ofSeconds(30), now::get);

    assertEquals("5", cached.get("limit").orElseThrow());
    assertEquals(Optional.empty(), cached.get("absent"));
    backing.values.set("limit", "7");
    now.addAndGet(Duration.ofSeconds(29).toNanos());
    assertEquals("5", cached.get("limit").orElseThrow(), "still within the TTL");
    assertEquals(Optional.empty(), cached.get("absent"));
    assertEquals(2, backing.reads.get());

    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertEquals("7", cached.get("limit").orElseThrow(), "read again after the TTL");
    assertEquals(3, backing.reads.get());
  }

  @Test
  void writesThroughTheCacheAreSeenAtOnce() {
    CachingConfigStore cached = new CachingConfigStore(new CountingConfigStore(), Duration.ofMinutes(5), now::get);
    cached.get("limit");

    cached.set("limit", "9");
    assertEquals("9", cached.get("limit").orElseThrow());
    cached.remove("limit");
    assertEquals(Optional.empty(), cached.get("limit"));
  }

  @Test
  void secretsAreCachedTheSameWay() {
    InMemorySecretStore backing = new InMemorySecretStore(Map.of("key", "one"));
    CachingSecretStore cached = new CachingSecretStore(backing, Duration.ofSeconds(10), now::get);

    assertEquals("one", cached.get("key").orElseThrow().reveal());
    backing.set("key", "two");
    assertEquals("one", cached.get("key").orElseThrow().reveal());
    now.addAndGet(Duration.ofSeconds(11).toNanos());
    assertEquals("two", cached.get("key").orElseThrow().reveal());
  }

  @Test
  void aTimeToLiveMustBePositive() {
    assertThrows(IllegalArgumentException.class,
        () -> new CachingConfigStore(new InMemoryConfigStore(), Duration.ZERO));
  }
}
