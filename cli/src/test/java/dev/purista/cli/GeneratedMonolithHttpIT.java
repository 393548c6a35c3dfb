package dev.purista.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the quick start promises, on a new project with all four targets, built by one real offline Maven build
 * against the local repository this reactor's {@code mvn install} filled: every target's artifact exists, all
 * four hold the same compiled business classes, the lambda jar has no broker client or server and the edge jar no
 * AMQP or NATS client, and the edge bundle starts on its own jlink runtime and answers its health paths. Then the
 * monolith runs as its own JVM, serves the public {@code ping} command over HTTP
 * on the port in {@code PURISTA_HTTP_PORT} with its OpenAPI document, and stops gracefully on SIGTERM, also
 * under concurrent load: every request sent before the signal is answered, either served (200) or refused with
 * the shutdown problem (503) once the drain began; none is cut off or fails otherwise. It runs the packaged CLI jar, so it belongs to the integration-test phase.
 */
class GeneratedMonolithHttpIT {
  private static final Duration BUILD = Duration.ofMinutes(5);
  private static final Duration COMMAND = Duration.ofMinutes(1);
  private static final Duration READY = Duration.ofSeconds(60);
  private static final int LOAD_THREADS = 8;
  private static final Duration LOAD_BEFORE_SIGTERM = Duration.ofSeconds(2);
  /** The JVM's exit status after SIGTERM once its shutdown hooks have run (128 + 15). */
  private static final int EXIT_AFTER_SIGTERM = 143;

  @TempDir
  Path dir;

  @Test
  void theGeneratedMonolithServesPingOverHttpAndStopsOnSigtermUnderLoad() throws Exception {
    Path project = buildNewProject();
    TargetArtifacts.haveTheSameBusinessClasses(project);
    TargetArtifacts.carryOnlyTheClientsTheirTargetUses(project);
    TargetArtifacts.edgeBundleIsComplete(project);
    edgeBundleStartsOnItsOwnRuntime(project);

    int port = freePort();
    Path log = dir.resolve("monolith.log");
    ProcessBuilder builder = new ProcessBuilder(ExternalProcess.java(), "-jar",
            "targets/monolith/target/shop-monolith-0.1.0-SNAPSHOT.jar")
        .directory(project.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("PURISTA_HTTP_PORT", Integer.toString(port));
    builder.environment().put("PURISTA_HTTP_HOST", "127.0.0.1");
    Process monolith = builder.start();
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      awaitReady(client, monolith, port, log);

      HttpResponse<String> ping = client.send(get(port, "/api/v1/ping"), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ping.statusCode(), ping.body());
      assertEquals("{\"message\":\"pong\"}", ping.body());
      assertTrue(ping.headers().firstValue("content-type").orElse("").startsWith("application/json"),
          ping.headers().toString());

      HttpResponse<String> openApi = client.send(get(port, "/api/openapi.json"), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, openApi.statusCode(), openApi.body());
      assertTrue(openApi.body().contains("/api/v1/ping"), openApi.body());

      Load load = Load.start(port, LOAD_THREADS);
      Thread.sleep(LOAD_BEFORE_SIGTERM.toMillis());
      load.markSigterm();
      monolith.destroy();
      load.awaitEnd(COMMAND);
      System.out.println("SIGTERM under load (" + LOAD_THREADS + " threads): " + load);
      assertTrue(load.served() > 0, "the load reached the server: " + load);
      assertEquals(List.of(), load.failures(), "requests sent before SIGTERM that failed: " + load);
    } finally {
      monolith.destroy();
    }
    // Process.destroy sends SIGTERM on Linux: the shutdown hook stops the application gracefully.
    if (!monolith.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
      monolith.destroyForcibly().waitFor();
      fail("the monolith did not stop within " + COMMAND + " of SIGTERM\n" + read(log));
    }
    String output = read(log);
    assertEquals(EXIT_AFTER_SIGTERM, monolith.exitValue(), output);
    assertTrue(output.contains("service ping v1 stopped"), "the graceful stop ran\n" + output);
    assertFalse(output.contains("still in flight"), output);
    assertFalse(output.contains("Exception"), output);
  }

  /**
   * Threads that call {@code GET /api/v1/ping} back to back, each on its own client. A request counts as sent
   * before SIGTERM when its thread read the mark as unset just before sending it; such a request must be
   * answered 200 or, once the drain began, 503, and never lose its connection midway. Any answer other than those
   * two is a failure whenever it was sent. A connection refused after the mark is the closed listener. A thread
   * stops at its first refused or failed request.
   */
  private static final class Load {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean sigterm = new AtomicBoolean();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    static Load start(int port, int threadCount) {
      Load load = new Load();
      for (int i = 0; i < threadCount; i++) {
        Thread thread = new Thread(() -> load.callUntilRefused(port), "load-" + i);
        load.threads.add(thread);
        thread.start();
      }
      return load;
    }

    private void callUntilRefused(int port) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      while (true) {
        boolean beforeSigterm = !sigterm.get();
        try {
          HttpResponse<String> response = client.send(get(port, "/api/v1/ping"), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().equals("{\"message\":\"pong\"}")) {
            served.incrementAndGet();
            continue;
          }
          if (response.statusCode() == 503 && response.body().contains("shutting down")) {
            refused.incrementAndGet();
            return;
          }
          failures.add((beforeSigterm ? "" : "after SIGTERM: ") + response.statusCode() + " " + response.body());
          return;
        } catch (ConnectException notAccepted) {
          // The request never reached the server; before SIGTERM the listener must have been there.
          if (beforeSigterm) {
            failures.add(notAccepted.toString());
          }
          return;
        } catch (IOException e) {
          if (beforeSigterm) {
            failures.add(e.toString());
          }
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    void markSigterm() {
      sigterm.set(true);
    }

    void awaitEnd(Duration limit) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      for (Thread thread : threads) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        if (thread.isAlive()) {
          fail("a load thread still runs " + limit + " after SIGTERM: " + this);
        }
      }
    }

    long served() {
      return served.get();
    }

    List<String> failures() {
      return List.copyOf(failures);
    }

    @Override
    public String toString() {
      return served + " served, " + refused + " refused while draining, failures " + failures;
    }
  }

  /**
   * The bundle's launcher starts EdgeMain on the jlink image alone (in memory, no broker), with the launcher's
   * small-heap flags and the image's class-data archive, which proves that jdeps found every JDK module the process
   * needs, and it becomes ready.
   */
  private void edgeBundleStartsOnItsOwnRuntime(Path project) throws IOException, InterruptedException {
    int port = freePort();
    Path log = dir.resolve("edge.log");
    // The launcher prefers the bundled runtime to any java on PATH, and exec's it, so SIGTERM reaches the JVM.
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "targets/edge/target/bundle/bin/shop-edge")
        .directory(project.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("PURISTA_EVENT_BRIDGE", "memory");
    builder.environment().put("PURISTA_HTTP_PORT", Integer.toString(port));
    builder.environment().put("PURISTA_HTTP_HOST", "127.0.0.1");
    // -Xshare:on makes the JVM refuse to start unless it maps the image's class-data archive, which bundle.sh has
    // jlink generate: without it the JDK's classes would be parsed at every start.
    builder.environment().put("EDGE_JAVA_OPTS", "-Xshare:on");
    Process edge = builder.start();
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      awaitReady(client, edge, port, log);
      // The liveness path the Kubernetes manifests probe (DeploymentFilesTest) is served too.
      assertEquals(200, client.send(get(port, "/healthz/live"), HttpResponse.BodyHandlers.discarding()).statusCode());
    } finally {
      edge.destroy();
      assertEquals(EXIT_AFTER_SIGTERM, edge.waitFor(), read(log));
    }
  }

  /** {@code purista new project shop}, then {@code purista build}, each a process of the packaged CLI jar. */
  private Path buildNewProject() throws IOException, InterruptedException {
    Path work = Files.createDirectories(dir.resolve("work"));
    cli(work, Map.of(), COMMAND, "new", "project", "shop", "--group-id", "com.example", "--targets", "all", "-B");
    Path project = work.resolve("shop");
    cli(project, Map.of("MAVEN_HOME", ExternalProcess.requiredProperty("maven.home")), BUILD,
        "build", "--offline", "-Dmaven.repo.local=" + ExternalProcess.requiredProperty("maven.repo.local"));
    for (String target : TargetArtifacts.TARGETS) {
      assertTrue(Files.isRegularFile(TargetArtifacts.jar(project, target)), target);
    }
    return project;
  }

  private static void awaitReady(HttpClient client, Process monolith, int port, Path log)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline) {
      if (!monolith.isAlive()) {
        fail("the monolith exited with " + monolith.exitValue() + " before it was ready\n" + read(log));
      }
      try {
        if (client.send(get(port, "/healthz/ready"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // The server is not up yet: ask again.
      }
      Thread.sleep(100);
    }
    fail("the monolith was not ready within " + READY + "\n" + read(log));
  }

  private static HttpRequest get(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
        .GET().build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Runs the packaged CLI to its end; a non-zero exit fails with its output. */
  private void cli(Path workingDirectory, Map<String, String> environment, Duration limit, String... args)
      throws IOException, InterruptedException {
    ExternalProcess.Finished finished =
        ExternalProcess.run(dir, workingDirectory, environment, limit, ExternalProcess.cliJar(args));
    assertEquals(0, finished.exitCode(), finished.toString());
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
