package dev.purista.mqtt;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Mosquitto broker that a test run starts itself, from a config file it writes into a temporary directory, with
 * {@code set_tcp_nodelay true} (Mosquitto's default leaves Nagle's algorithm on, which adds about 40 ms to every
 * round trip). A missing {@code mosquitto} binary fails the run: a bridge test that skips proves nothing.
 */
final class MosquittoBroker extends BrokerProcess {
  private static final Duration START_WAIT = Duration.ofSeconds(10);

  private final Path config;

  private MosquittoBroker(Path directory, int port, boolean persistent, String tlsLines) throws IOException {
    super("mosquitto", directory, port, START_WAIT);
    this.config = directory.resolve("mosquitto.conf");
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

  @Override
  List<String> command() {
    return List.of(binary().toString(), "-c", config.toString());
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
}
