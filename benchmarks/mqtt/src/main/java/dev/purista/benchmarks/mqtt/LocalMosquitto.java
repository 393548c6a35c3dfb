package dev.purista.benchmarks.mqtt;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the benchmark's own, on a free port, with {@code set_tcp_nodelay true}: with Mosquitto's default
 * (Nagle on) every round trip would carry about 40 ms of waiting, and both sides would measure the broker's timer.
 */
final class LocalMosquitto implements AutoCloseable {
  private final Path directory;
  private final int port;
  private final Process process;

  private LocalMosquitto(Path directory, int port, Process process) {
    this.directory = directory;
    this.port = port;
    this.process = process;
  }

  static LocalMosquitto start() throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("purista-bench-mosquitto");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path config = directory.resolve("mosquitto.conf");
    // max_queued_messages: the default of 1000 drops QoS 1 events of a subscriber that lags behind a burst.
    String lines = "listener " + port + " 127.0.0.1\nallow_anonymous true\nset_tcp_nodelay true\n"
        + "max_queued_messages 100000\n"
        + ("root".equals(System.getProperty("user.name")) ? "user root\n" : "");
    Files.writeString(config, lines, StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(binary().toString(), "-c", config.toString())
        .redirectErrorStream(true).redirectOutput(directory.resolve("mosquitto.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited: " + Files.readString(directory.resolve("mosquitto.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new LocalMosquitto(directory, port, process);
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("mosquitto did not open port " + port);
  }

  int port() {
    return port;
  }

  String url() {
    return "mqtt://127.0.0.1:" + port;
  }

  private static Path binary() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String directory : path.split(File.pathSeparator)) {
        Path candidate = Path.of(directory, "mosquitto");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new IllegalStateException("mosquitto is not installed; the benchmark starts its own broker");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    directory.resolve("mosquitto.conf").toFile().delete();
    directory.resolve("mosquitto.log").toFile().delete();
    directory.toFile().delete();
  }
}
