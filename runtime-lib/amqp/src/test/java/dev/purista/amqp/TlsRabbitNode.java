package dev.purista.amqp;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of the test's own whose only listener speaks TLS, started beside the shared broker without
 * touching it: its own node name, ports, database, logs, config and (empty) plugin list, all in a temporary
 * directory that {@link #close()} deletes after {@code rabbitmqctl stop}. The server comes from
 * {@code PURISTA_RABBITMQ_SERVER} or the {@code PATH}, {@code rabbitmqctl} as in {@link TestBroker}; a node that
 * cannot start fails the test, it does not skip it.
 */
final class TlsRabbitNode implements AutoCloseable {
  private final Path directory;
  private final String nodeName;
  private final int port;
  private final Process process;

  private TlsRabbitNode(Path directory, String nodeName, int port, Process process) {
    this.directory = directory;
    this.nodeName = nodeName;
    this.port = port;
    this.process = process;
  }

  /** Starts a node that serves AMQP over TLS only, with {@code certificate} and {@code key} (PEM). */
  static TlsRabbitNode start(Path certificate, Path key) throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("purista-amqp-tls-node");
    int port = freePort();
    String nodeName = "purista-tls-" + Long.toHexString(System.nanoTime()) + "@localhost";
    // A packaged rabbitmq-server started as root runs the node as the rabbitmq user: it must be able to read
    // the files here and write its database and logs.
    readableByAll(directory, "rwxr-xr-x");
    Files.copy(certificate, directory.resolve("cert.pem"));
    Files.copy(key, directory.resolve("key.pem"));
    Files.writeString(directory.resolve("rabbitmq.conf"), String.join("\n",
        "listeners.tcp = none",
        "listeners.ssl.default = 127.0.0.1:" + port,
        "ssl_options.certfile = " + directory.resolve("cert.pem"),
        "ssl_options.keyfile = " + directory.resolve("key.pem"),
        "ssl_options.verify = verify_none",
        "ssl_options.fail_if_no_peer_cert = false",
        ""));
    Files.writeString(directory.resolve("enabled_plugins"), "[].\n");
    Files.writeString(directory.resolve("rabbitmq-env.conf"), "");
    for (String file : List.of("cert.pem", "key.pem", "rabbitmq.conf", "enabled_plugins", "rabbitmq-env.conf")) {
      readableByAll(directory.resolve(file), "rw-r--r--");
    }
    for (String writable : List.of("mnesia", "log")) {
      readableByAll(Files.createDirectory(directory.resolve(writable)), "rwxrwxrwx");
    }
    ProcessBuilder builder = new ProcessBuilder(binary("PURISTA_RABBITMQ_SERVER", "rabbitmq-server"))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("server.out").toFile()));
    Map<String, String> environment = builder.environment();
    environment.put("RABBITMQ_NODENAME", nodeName);
    environment.put("RABBITMQ_NODE_PORT", Integer.toString(port));
    environment.put("RABBITMQ_DIST_PORT", Integer.toString(freePort()));
    environment.put("RABBITMQ_MNESIA_BASE", directory.resolve("mnesia").toString());
    environment.put("RABBITMQ_LOG_BASE", directory.resolve("log").toString());
    environment.put("RABBITMQ_CONFIG_FILE", directory.resolve("rabbitmq.conf").toString());
    environment.put("RABBITMQ_ENABLED_PLUGINS_FILE", directory.resolve("enabled_plugins").toString());
    // The machine's env file names the shared broker's node; this node must not read it.
    environment.put("RABBITMQ_CONF_ENV_FILE", directory.resolve("rabbitmq-env.conf").toString());
    environment.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
    TlsRabbitNode node = new TlsRabbitNode(directory, nodeName, port, builder.start());
    node.awaitListener();
    return node;
  }

  int port() {
    return port;
  }

  /** {@code amqps://} with the default account, which the node accepts from the loopback interface. */
  String url(String host) {
    return "amqps://guest:guest@" + host + ":" + port;
  }

  private void awaitListener() throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!accepts()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String output = output();
        close();
        throw new IllegalStateException("RabbitMQ node " + nodeName + " did not open its TLS port " + port
            + "; output:\n" + output);
      }
      Thread.sleep(50);
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the node the way an operator does, waits for it, then deletes its directory. */
  @Override
  public void close() throws IOException {
    try {
      if (process.isAlive()) {
        Process stop = new ProcessBuilder(binary("PURISTA_RABBITMQCTL", "rabbitmqctl"), "-n", nodeName, "stop")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("server.out").toFile()))
            .start();
        stop.waitFor(30, TimeUnit.SECONDS);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          // The node runs below the start script; stopping the script alone would leave it behind.
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private String output() {
    try {
      return Files.readString(directory.resolve("server.out"));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  private static void readableByAll(Path path, String permissions) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String binary(String variable, String name) {
    String configured = System.getenv(variable);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String path = System.getenv("PATH");
    List<String> dirs = path == null ? List.of() : List.of(path.split(File.pathSeparator));
    for (String dir : dirs) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(name + " not found on the PATH " + dirs + "; install RabbitMQ or set "
        + variable + ". This test needs a RabbitMQ node of its own with a TLS listener.");
  }
}
