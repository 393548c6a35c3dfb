package dev.purista.mqtt;

import java.io.IOException;
import java.net.InetAddress;
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
 * An MQTT broker that a test run starts itself as a process, on a free port, with its files in a temporary
 * directory, so that a test can kill it (SIGKILL) and start it again on the same data. A broker that does not
 * come up fails the test with the end of its log.
 */
abstract class BrokerProcess implements AutoCloseable {
  private final String name;
  private final Path directory;
  private final Path log;
  private final int port;
  private final Duration startWait;
  private Process process;

  BrokerProcess(String name, Path directory, int port, Duration startWait) {
    this.name = name;
    this.directory = directory;
    this.log = directory.resolve(name + ".log");
    this.port = port;
    this.startWait = startWait;
  }

  /** The command line that starts the broker. */
  abstract List<String> command();

  /** Whether the broker is ready once its port takes connections; otherwise {@link #isReady(String)} decides. */
  boolean readyWithPort() {
    return true;
  }

  /** Whether the broker's log says it is ready, for brokers that open their port before they serve. */
  boolean isReady(String logText) {
    return true;
  }

  final String name() {
    return name;
  }

  final Path directory() {
    return directory;
  }

  final int port() {
    return port;
  }

  final String url() {
    return "mqtt://127.0.0.1:" + port;
  }

  final boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the broker the way an operator does (SIGTERM): a persistent broker writes its state first. */
  final void stop() {
    if (process != null) {
      process.destroy();
      awaitExit();
    }
  }

  /** Kills the broker without warning (SIGKILL), as a crash would. */
  final void kill() {
    if (process != null) {
      process.destroyForcibly();
      awaitExit();
    }
  }

  /** Starts the broker again, on the same port with the same files. */
  final void startAgain() {
    if (isRunning()) {
      throw new IllegalStateException(name + " is running");
    }
    launch();
  }

  final void restart() {
    stop();
    startAgain();
  }

  final void launch() {
    ProcessBuilder builder = new ProcessBuilder(command())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name + ": " + e, e);
    }
    awaitReady();
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + startWait.toNanos();
    int logStart = logText().length();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
      }
      if (portOpen() && (readyWithPort() || isReady(logText().substring(logStart)))) {
        return;
      }
      sleep(20);
    }
    throw new IllegalStateException(name + " was not ready on port " + port + " within " + startWait.toSeconds()
        + " s:\n" + logTail());
  }

  private boolean portOpen() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
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

  private String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** How many lines of the broker's log, over every start, contain {@code text}. */
  final long logLinesContaining(String text) {
    return logText().lines().filter(line -> line.contains(text)).count();
  }

  final String logTail() {
    List<String> lines = logText().lines().toList();
    return lines.isEmpty() ? "(empty log)" : String.join("\n", lines.subList(Math.max(0, lines.size() - 20),
        lines.size()));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
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
  public final void close() {
    kill();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }
}
