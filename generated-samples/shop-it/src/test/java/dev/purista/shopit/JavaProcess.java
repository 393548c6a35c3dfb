package dev.purista.shopit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the sample's artifacts in a JVM of its own, started the way its docs say (the same {@code java}
 * as this test's), its output kept in a log file for failure messages.
 */
final class JavaProcess implements AutoCloseable {
  private static final Duration READY_WAIT = Duration.ofSeconds(60);

  private final String name;
  private final Process process;
  private final Path log;
  private final int httpPort;

  private JavaProcess(String name, Process process, Path log, int httpPort) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
  }

  /**
   * Starts {@code mainClass} from {@code jar} with {@code environment} added to this JVM's, serving HTTP on a free
   * port ({@code PURISTA_HTTP_PORT}).
   */
  static JavaProcess start(String name, Path jar, String mainClass, Map<String, String> environment)
      throws IOException {
    return start(name, List.of("-cp", jar.toString(), mainClass), environment);
  }

  /** Starts a JVM with {@code arguments} (options, class path, main class) and a free HTTP port. */
  static JavaProcess start(String name, List<String> arguments, Map<String, String> environment)
      throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(arguments);
    Path logs = Files.createDirectories(Path.of(System.getProperty("purista.shop.work"), "logs"));
    Path log = logs.resolve(name + "-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // The test decides whether a process exports telemetry: none of this JVM's own OTEL_* settings leak in.
    builder.environment().keySet().removeIf(variable -> variable.startsWith("OTEL_"));
    builder.environment().putAll(environment);
    builder.environment().put("PURISTA_HTTP_PORT", Integer.toString(port));
    return new JavaProcess(name, builder.start(), log, port);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  /** {@code http://127.0.0.1:<port>}, the process's HTTP server. */
  String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** Waits until {@code /healthz/ready} answers 200; fails with the process's output if it dies first. */
  JavaProcess awaitReady() throws Exception {
    long deadline = System.nanoTime() + READY_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready:\n" + output());
      }
      if (Http.isUp(baseUrl() + "/healthz/ready")) {
        return this;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " was not ready in " + READY_WAIT + ":\n" + output());
  }

  /** Sends SIGTERM, as an orchestrator stops a container. */
  void terminate() {
    process.destroy();
  }

  /** The exit code, waiting up to {@code wait}; {@code null} while it still runs. */
  Integer exitCode(Duration wait) throws InterruptedException {
    return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the process wrote so far. */
  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
