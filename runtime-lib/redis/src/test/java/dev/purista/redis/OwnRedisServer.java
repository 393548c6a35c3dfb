package dev.purista.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of a test's own, on a free port, with an append-only file synced on every write, so that it can be
 * killed with SIGKILL and started again on the same data without disturbing the shared server.
 */
final class OwnRedisServer implements AutoCloseable {
  private final Path data;
  private final int port;
  private Process process;

  OwnRedisServer(Path data) throws IOException {
    this.data = data;
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** Starts the server on its port and data and waits until it answers. */
  void start() throws IOException, InterruptedException {
    process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--dir", data.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("redis.log").toFile()))
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        probe.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException("redis-server exited: " + Files.readString(data.resolve("redis.log")));
        }
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("redis-server did not listen on " + port);
  }

  /** SIGKILL: no shutdown, no last save; what the append-only file holds is what survives. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroyForcibly();
    }
  }
}
