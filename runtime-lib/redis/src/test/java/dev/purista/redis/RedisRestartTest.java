package dev.purista.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.store.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Redis server of the test's own, on a free port with an append-only file, killed with SIGKILL and started again
 * on the same data: the store's pooled connections all broke, and the first calls after the restart must still
 * succeed (an idempotent call is tried once more on a fresh connection).
 */
class RedisRestartTest {
  @TempDir
  Path data;
  private OwnRedisServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void valuesSurviveAKilledServerAndTheStoreReconnectsWithoutAFailedCall() throws Exception {
    server = new OwnRedisServer(data);
    server.start();
    RedisStoreConfig config = RedisStoreConfig.builder().url(server.url())
        .timeout(Duration.ofSeconds(2)).build();
    try (StateStore store = RedisStateStore.of(config)) {
      for (int i = 0; i < 20; i++) {
        store.set("key" + i, i);
      }
      // Several connections in the pool, all of which the kill breaks.
      List<Thread> readers = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread reader = new Thread(() -> store.get("key1", Integer.class));
        readers.add(reader);
        reader.start();
      }
      for (Thread reader : readers) {
        reader.join();
      }

      server.kill();
      assertThrows(IllegalStateException.class, () -> store.get("key0", Integer.class), "down: a clear error");
      server.start();

      for (int i = 0; i < 20; i++) {
        assertEquals(Optional.of(i), store.get("key" + i, Integer.class), "key" + i + " after the restart");
      }
      assertEquals(1, store.increment("fresh"));
      assertTrue(store.isHealthy());
    }
  }
}
