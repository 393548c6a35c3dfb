package dev.purista.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.queue.spi.NewJob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A steady load of enqueues and work on a Redis server of the test's own (append-only file, synced on every
 * write), which is killed with SIGKILL and started again in the middle of it. Every job whose enqueue the producer
 * saw acknowledged must be completed; enqueues that failed while Redis was down are counted apart.
 */
class RedisQueueRestartTest {
  private static final Duration DRAIN = Duration.ofSeconds(90);

  record Numbered(int seq) {
  }

  @TempDir
  Path data;
  private OwnRedisServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void noAcknowledgedJobIsLostWhenRedisIsKilledAndRestartedUnderLoad() throws Exception {
    server = new OwnRedisServer(data);
    server.start();
    RedisStoreConfig config = RedisStoreConfig.builder().url(server.url()).timeout(Duration.ofSeconds(2)).build();
    String queue = "load";
    Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
    QueueDefinition<Numbered> jobs = QueueDefinition.builder(queue, Numbered.class)
        .visibilityTimeout(Duration.ofSeconds(2)).maxAttempts(100)
        .backoff(Duration.ofMillis(50), Duration.ofMillis(500)).build();
    ServiceDefinition worker = ServiceDefinition.builder("counter", "1")
        .queueWorker(QueueWorkerDefinition.builder("count", jobs).concurrency(4).pollWait(Duration.ofMillis(200))
            .handler((ctx, job) -> runs.computeIfAbsent(job.seq(), seq -> new AtomicInteger()).incrementAndGet())
            .build())
        .build();
    RedisQueueBridge workerBridge = RedisQueueBridge.of(config);
    Application app = Application.builder(new DefaultEventBridge()).queueBridge(workerBridge).service(worker).build()
        .start();
    Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger acknowledgedAfterRestart = new AtomicInteger();
    AtomicBoolean restarted = new AtomicBoolean();
    AtomicBoolean producing = new AtomicBoolean(true);
    try (RedisQueueBridge producer = RedisQueueBridge.of(config)) {
      Thread load = new Thread(() -> {
        for (int seq = 0; producing.get(); seq++) {
          byte[] payload = ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8);
          try {
            producer.enqueue(queue, new NewJob(payload, null, null, null));
            acknowledged.add(seq);
            if (restarted.get()) {
              acknowledgedAfterRestart.incrementAndGet();
            }
          } catch (RuntimeException e) {
            failed.incrementAndGet();
          }
          pause(2);
        }
      }, "producer");
      load.start();

      Thread.sleep(2_000);
      int beforeKill = acknowledged.size();
      server.kill();
      Thread.sleep(1_000);
      server.start();
      restarted.set(true);
      Thread.sleep(3_000);
      producing.set(false);
      load.join();

      await(() -> runs.keySet().containsAll(acknowledged), "every acknowledged job completed");
      List<Integer> lost = acknowledged.stream().filter(seq -> !runs.containsKey(seq)).sorted().toList();
      int ranTwice = (int) runs.values().stream().filter(count -> count.get() > 1).count();
      int completedNotAcknowledged = (int) runs.keySet().stream().filter(seq -> !acknowledged.contains(seq)).count();
      System.out.printf("redis restart under load: %d enqueues acknowledged (%d before the kill, %d after the "
          + "restart), %d failed while Redis was down; %d distinct jobs completed, %d of them not acknowledged, %d "
          + "run more than once; lost: %d%n", acknowledged.size(), beforeKill, acknowledgedAfterRestart.get(),
          failed.get(), runs.size(), completedNotAcknowledged, ranTwice, lost.size());

      assertEquals(List.of(), lost, "acknowledged jobs that never completed");
      assertTrue(beforeKill > 0 && acknowledgedAfterRestart.get() > 0, "load before the kill and after the restart");
      assertTrue(failed.get() > 0, "the kill was felt: enqueues failed while Redis was down");
      assertEquals(List.of(), producer.deadLetters(queue, 10), "nothing dead-lettered");
    } finally {
      app.stop();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + DRAIN + ": " + what);
      }
      Thread.sleep(50);
    }
  }
}
