package dev.purista.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.JobState;
import dev.purista.core.queue.spi.Enqueued;
import dev.purista.core.queue.spi.NewJob;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * Queue workers and producers in processes of their own on the shared Redis: a worker killed with SIGKILL in the
 * middle of a job, and two processes racing to enqueue with the same idempotency keys.
 */
class RedisQueueProcessesTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path logs;
  private final String prefix = "purista-test:" + Long.toHexString(System.nanoTime()) + ":";
  private final List<Process> processes = new ArrayList<>();
  private final RedisClient raw = RedisClient.create(URI.create(RedisTestServer.url()));

  @AfterEach
  void stopProcesses() {
    processes.forEach(Process::destroyForcibly);
    raw.close();
    RedisTestServer.deleteAll(prefix);
  }

  @Test
  void aJobWhoseWorkerIsKilledMidJobIsLeasedAgainAfterItsVisibilityTimeoutAndCompletedOnce() throws Exception {
    String queue = "crash";
    try (RedisQueueBridge producer = RedisQueueBridge.of(RedisTestServer.config(prefix))) {
      String jobId = producer.enqueue(queue, new NewJob(
          "{\"name\":\"charge order 7\"}".getBytes(StandardCharsets.UTF_8), null, null, null)).jobId();

      Process hanging = start("hanging", "worker", RedisTestServer.url(), prefix, queue, "hang");
      awaitReady(hanging, "hanging");
      await(() -> raw.lrange(prefix + "record:started", 0, -1).contains(jobId + ":1"), "the first worker started");
      hanging.destroyForcibly();
      assertTrue(hanging.waitFor(30, TimeUnit.SECONDS));
      assertEquals(128 + 9, hanging.exitValue(), "killed by SIGKILL");
      assertEquals(Optional.of(JobState.IN_FLIGHT), producer.state(queue, jobId), "its lease still runs");

      Process worker = start("worker", "worker", RedisTestServer.url(), prefix, queue, "work");
      awaitReady(worker, "worker");
      await(() -> producer.state(queue, jobId).orElse(null) == JobState.COMPLETED, "completed by the second worker");
      // Twice the visibility timeout more: nothing may run it a third time.
      Thread.sleep(QueueProcess.VISIBILITY.multipliedBy(2).toMillis());

      assertEquals(List.of(jobId + ":1", jobId + ":2"), raw.lrange(prefix + "record:started", 0, -1),
          "started by the killed worker, then once more after its lease ran out");
      assertEquals(Map.of(jobId, "1"), raw.hgetAll(prefix + "record:completed"), "the completion record");
      assertEquals(Optional.of(JobState.COMPLETED), producer.state(queue, jobId));
    }
  }

  @Test
  void twoProcessesRacingWithTheSameIdempotencyKeysCreateOneJobPerKey() throws Exception {
    String queue = "race";
    int keys = 300;
    String go = prefix + "race:go";
    Process first = start("race-1", "race", RedisTestServer.url(), prefix, queue, go, Integer.toString(keys));
    Process second = start("race-2", "race", RedisTestServer.url(), prefix, queue, go, Integer.toString(keys));
    awaitReady(first, "race-1");
    awaitReady(second, "race-2");
    raw.rpush(go, "go", "go");
    assertTrue(first.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) && second.waitFor(WAIT.toSeconds(),
        TimeUnit.SECONDS), "both racers finished");
    assertEquals(0, first.exitValue(), log("race-1"));
    assertEquals(0, second.exitValue(), log("race-2"));

    Map<String, String[]> firstResults = results("race-1");
    Map<String, String[]> secondResults = results("race-2");
    assertEquals(keys, firstResults.size(), log("race-1"));
    assertEquals(keys, secondResults.size(), log("race-2"));
    int createdByFirst = 0;
    for (int i = 0; i < keys; i++) {
      String[] a = firstResults.get("key-" + i);
      String[] b = secondResults.get("key-" + i);
      assertEquals(a[0], b[0], "key-" + i + ": both got the one job's id");
      assertTrue(Boolean.parseBoolean(a[1]) ^ Boolean.parseBoolean(b[1]), "key-" + i + ": exactly one created it");
      createdByFirst += Boolean.parseBoolean(a[1]) ? 1 : 0;
    }
    assertEquals(keys, raw.zcard(prefix + "queue:" + queue + ":due"), "one job per key in the queue");
    assertEquals(keys, raw.hlen(prefix + "queue:" + queue + ":idempotency"));
    System.out.printf("idempotency race: %d keys, %d created by the first process, %d by the second%n", keys,
        createdByFirst, keys - createdByFirst);
  }

  private Map<String, String[]> results(String name) throws IOException {
    Map<String, String[]> results = new HashMap<>();
    for (String line : Files.readAllLines(logs.resolve(name + ".log"))) {
      String[] parts = line.split(" ");
      if (parts.length == 3 && parts[0].startsWith("key-")) {
        results.put(parts[0], new String[] {parts[1], parts[2]});
      }
    }
    return results;
  }

  private Process start(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), QueueProcess.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile()).start();
    processes.add(process);
    return process;
  }

  private void awaitReady(Process process, String name) throws Exception {
    await(() -> log(name).lines().anyMatch("ready"::equals) || !process.isAlive(), name + " started");
    assertTrue(process.isAlive(), name + " exited: " + log(name));
  }

  private String log(String name) {
    try {
      return Files.readString(logs.resolve(name + ".log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      Thread.sleep(50);
    }
  }
}
