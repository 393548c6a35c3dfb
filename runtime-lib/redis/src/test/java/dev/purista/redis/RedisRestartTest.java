package dev.purista.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.store.StateStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
  private Process server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.destroyForcibly();
    }
  }

  @Test
  void valuesSurviveAKilledServerAndTheStoreReconnectsWithoutAFailedCall() throws Exception {
    int port = freePort();
    server = startServer(port);
    RedisStoreConfig config = RedisStoreConfig.builder().url("redis://127.0.0.1:" + port)
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

      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      assertThrows(IllegalStateException.class, () -> store.get("key0", Integer.class), "down: a clear error");
      server = startServer(port);

      for (int i = 0; i < 20; i++) {
        assertEquals(Optional.of(i), store.get("key" + i, Integer.class), "key" + i + " after the restart");
      }
      assertEquals(1, store.increment("fresh"));
      assertTrue(store.isHealthy());
    }
  }

  private Process startServer(int port) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--dir", data.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "")
        .redirectErrorStream(true)
        .redirectOutput(data.resolve("redis.log").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        probe.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return process;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException("redis-server exited: " + Files.readString(data.resolve("redis.log")));
        }
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("redis-server did not listen on " + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
