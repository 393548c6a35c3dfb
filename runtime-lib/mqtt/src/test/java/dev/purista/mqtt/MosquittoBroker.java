package dev.purista.mqtt;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Mosquitto broker that a test run starts itself, on a port of its own, from a config file it writes into a
 * temporary directory, with {@code set_tcp_nodelay true} (Mosquitto's default leaves Nagle's algorithm on, which
 * adds about 40 ms to every round trip). A missing {@code mosquitto} binary fails the run: a bridge test that
 * skips proves nothing.
 */
final class MosquittoBroker implements AutoCloseable {
  private static final Duration START_WAIT = Duration.ofSeconds(10);

  private final Path directory;
  private final Path config;
  private final Path log;
  private final int port;
  private Process process;

  private MosquittoBroker(Path directory, int port, boolean persistent, String tlsLines) throws IOException {
    this.directory = directory;
    this.port = port;
    this.config = directory.resolve("mosquitto.conf");
    this.log = directory.resolve("mosquitto.log");
    StringBuilder lines = new StringBuilder()
        .append("listener ").append(port).append(" 127.0.0.1\n")
        .append(tlsLines)
        .append("allow_anonymous true\n")
        .append("set_tcp_nodelay true\n")
        // The default of 1000 queued messages per session would drop events of the fault test's backlog.
        .append("max_queued_messages 100000\n")
        .append("log_type error\nlog_type warning\nlog_type notice\n");
    if (persistent) {
      lines.append("persistence true\n")
          .append("persistence_location ").append(directory.toAbsolutePath()).append(File.separator).append('\n');
    }
    String user = System.getProperty("user.name");
    if ("root".equals(user)) {
      // Started as root, Mosquitto switches to user "mosquitto", who cannot write this directory.
      lines.append("user root\n");
    }
    Files.writeString(config, lines.toString(), StandardCharsets.UTF_8);
  }

  /** Starts a broker; {@code persistent} keeps sessions and queued messages across {@link #restart()}. */
  static MosquittoBroker start(boolean persistent) {
    try {
      MosquittoBroker broker = new MosquittoBroker(Files.createTempDirectory("purista-mosquitto"), freePort(),
          persistent, "");
      broker.launch();
      return broker;
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare a Mosquitto broker: " + e, e);
    }
  }

  /** Starts a broker whose only listener speaks TLS, with this certificate and key (PEM files). */
  static MosquittoBroker startTls(Path certificate, Path key) {
    try {
      String tls = "certfile " + certificate.toAbsolutePath() + "\nkeyfile " + key.toAbsolutePath() + "\n";
      MosquittoBroker broker = new MosquittoBroker(Files.createTempDirectory("purista-mosquitto"), freePort(),
          false, tls);
      broker.launch();
      return broker;
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare a Mosquitto broker: " + e, e);
    }
  }

  int port() {
    return port;
  }

  String url() {
    return "mqtt://127.0.0.1:" + port;
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the broker the way an operator does (SIGTERM): a persistent broker writes its state first. */
  void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    awaitExit();
  }

  /** Kills the broker without warning (SIGKILL), as a crash would. */
  void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    awaitExit();
  }

  /** Starts the broker again, on the same port with the same config. */
  void startAgain() {
    if (isRunning()) {
      throw new IllegalStateException("the broker is running");
    }
    launch();
  }

  void restart() {
    stop();
    startAgain();
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private void launch() {
    ProcessBuilder builder = new ProcessBuilder(binary().toString(), "-c", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start mosquitto: " + e, e);
    }
    awaitPort();
  }

  private void awaitPort() {
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ":\n" + logTail());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(20);
      }
    }
    throw new IllegalStateException("mosquitto did not open port " + port + " within " + START_WAIT.toSeconds()
        + " s:\n" + logTail());
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** {@code mosquitto} from the PATH, else where Debian and Homebrew put it. */
  static Path binary() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String directory : path.split(File.pathSeparator)) {
        Path candidate = Path.of(directory, "mosquitto");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto",
        "/opt/homebrew/sbin/mosquitto")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new IllegalStateException("mosquitto is not installed (not on the PATH, not in /usr/sbin): the MQTT "
        + "bridge tests need it; install the mosquitto package");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    kill();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }
}
