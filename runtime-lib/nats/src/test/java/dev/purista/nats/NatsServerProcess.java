package dev.purista.nats;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code nats-server} of the test's own, with JetStream in a temporary directory, that the test can stop,
 * kill and start again on the same port and store, as a broker restart in production does. The binary comes from
 * {@code NATS_SERVER_BIN} or the {@code PATH}; a missing binary fails the test, it does not skip it.
 */
final class NatsServerProcess implements AutoCloseable {
  private final Path binary;
  private final Path storeDir;
  private final Path logFile;
  private final int port;
  private final boolean jetStream;
  private final List<String> extraArguments;
  private Process process;

  private NatsServerProcess(Path binary, Path storeDir, int port, boolean jetStream, List<String> extraArguments) {
    this.binary = binary;
    this.storeDir = storeDir;
    this.logFile = storeDir.resolve("nats-server.log");
    this.port = port;
    this.jetStream = jetStream;
    this.extraArguments = extraArguments;
  }

  /** Starts a server with JetStream on a free port; {@code extraArguments} go to {@code nats-server} as they are. */
  static NatsServerProcess start(String... extraArguments) throws IOException, InterruptedException {
    return start(true, extraArguments);
  }

  /** Starts a server without JetStream, like a plain NATS deployment. */
  static NatsServerProcess startWithoutJetStream() throws IOException, InterruptedException {
    return start(false);
  }

  private static NatsServerProcess start(boolean jetStream, String... extraArguments) throws IOException,
      InterruptedException {
    NatsServerProcess server = new NatsServerProcess(findBinary(), Files.createTempDirectory("purista-nats-test"),
        freePort(), jetStream, List.of(extraArguments));
    server.restart();
    return server;
  }

  String url() {
    return "nats://127.0.0.1:" + port;
  }

  /** The URL for a server started with {@code --tls}. */
  String tlsUrl() {
    return "tls://127.0.0.1:" + port;
  }

  /** Starts the server again, with the JetStream store it had. */
  void restart() throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("server is running");
    }
    List<String> command = new java.util.ArrayList<>(List.of(binary.toString(), "-a", "127.0.0.1", "-p",
        Integer.toString(port)));
    if (jetStream) {
      command.addAll(List.of("-js", "-sd", storeDir.resolve("jetstream").toString()));
    }
    command.addAll(extraArguments);
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!accepts()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("nats-server did not start on port " + port + "; log:\n" + log());
      }
      Thread.sleep(20);
    }
  }

  /** A clean shutdown (SIGTERM): the server flushes its store and closes connections. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** A crash (SIGKILL): connections break without goodbye. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private String log() {
    try {
      return Files.readString(logFile);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the server and deletes its store. */
  @Override
  public void close() throws IOException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(storeDir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Path findBinary() {
    String configured = System.getenv("NATS_SERVER_BIN");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String path = System.getenv("PATH");
    List<String> dirs = path == null ? List.of() : List.of(path.split(File.pathSeparator));
    for (String dir : dirs) {
      Path candidate = Path.of(dir, "nats-server");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("nats-server not found on the PATH " + dirs
        + "; install it or set NATS_SERVER_BIN. This test needs a broker it can restart.");
  }
}
