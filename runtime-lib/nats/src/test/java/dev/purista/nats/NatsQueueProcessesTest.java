package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.JobState;
import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.store.StateStore;
import io.nats.client.JetStreamApiException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NatsQueueBridge} across real processes on the real server: a worker process killed with SIGKILL in the
 * middle of a job, and two processes enqueueing with the same idempotency keys at the same moment.
 */
class NatsQueueProcessesTest {
  private static final NatsQueueConfig CONFIG = QueueTestSupport.config(NatsTestSupport.brokerUrl());
  private static final Duration VISIBILITY = Duration.ofSeconds(3);

  @AfterAll
  static void deleteStreamsAndBuckets() throws Exception {
    QueueTestSupport.delete(NatsTestSupport.brokerUrl(), CONFIG);
    try (BrokerProbe probe = new BrokerProbe(NatsTestSupport.brokerUrl())) {
      probe.connection.keyValueManagement().delete(CONFIG.name() + "_done");
    } catch (JetStreamApiException e) {
      // Only the crash test makes it.
    }
  }

  @Test
  void aJobWhoseWorkerProcessIsKilledIsLeasedAgainAfterTheVisibilityTimeoutAndCompletedOnce() throws Exception {
    String queue = "crash-" + Long.toHexString(System.nanoTime());
    NatsQueueBridge producer = NatsQueueBridge.of(CONFIG);
    String jobId = producer.enqueue(queue, new NewJob("{\"to\":\"victim\",\"priority\":1}"
        .getBytes(StandardCharsets.UTF_8), null, null, null)).jobId();

    Process worker = QueueChildProcess.start("work", NatsTestSupport.brokerUrl(), CONFIG.name(), queue,
        Long.toString(VISIBILITY.toMillis()));
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("STARTED victim", out.readLine(), "the worker process started the job");
      // Past one visibility timeout: the process's heartbeat has kept its lease.
      Thread.sleep(VISIBILITY.toMillis() + 500);
      assertEquals(Optional.of(JobState.IN_FLIGHT), producer.state(queue, jobId));
    } finally {
      worker.destroyForcibly();
      assertTrue(worker.waitFor(10, TimeUnit.SECONDS));
    }
    long killedAt = System.nanoTime();
    assertEquals(137, worker.exitValue(), "killed by SIGKILL");

    StateStore completions = NatsStateStore.of(NatsStoreConfig.of(CONFIG.connection())
        .withStateBucket(CONFIG.name() + "_done"));
    QueueDefinition<QueueChildProcess.Mail> mails = QueueDefinition.builder(queue, QueueChildProcess.Mail.class)
        .visibilityTimeout(VISIBILITY).build();
    long[] releasedAfter = {-1};
    Application survivor = Application.builder(new DefaultEventBridge()).queueBridge(NatsQueueBridge.of(CONFIG))
        .service(ServiceDefinition.builder("survivor", "1").queueWorker(QueueWorkerDefinition.builder("send", mails)
            .handler((ctx, mail) -> {
              releasedAfter[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
              completions.increment("completed-" + mail.to(), 1);
            }).build()).build())
        .build().start();
    try {
      Eventually.await(Duration.ofSeconds(30), "completed by the surviving worker",
          () -> producer.state(queue, jobId).orElse(null) == JobState.COMPLETED);
      // Two more visibility timeouts: nothing runs it again.
      Thread.sleep(2 * VISIBILITY.toMillis());
      assertEquals(Optional.of(1L), completions.get("completed-victim", Long.class), "completed exactly once");
      assertEquals(Optional.of(JobState.COMPLETED), producer.state(queue, jobId));
      System.out.printf("CRASH TEST: leased again and completed %d ms after the SIGKILL (visibility timeout %d ms)%n",
          releasedAfter[0], VISIBILITY.toMillis());
      assertTrue(releasedAfter[0] <= VISIBILITY.toMillis() + 5_000, releasedAfter[0] + " ms");
    } finally {
      survivor.stop();
      completions.close();
      producer.close();
    }
  }

  @Test
  void twoProcessesRacingWithTheSameIdempotencyKeysCreateEachJobOnce() throws Exception {
    String queue = "race-" + Long.toHexString(System.nanoTime());
    int keys = 200;
    long startAt = System.currentTimeMillis() + 8_000;
    List<Process> racers = List.of(
        QueueChildProcess.start("enqueue", NatsTestSupport.brokerUrl(), CONFIG.name(), queue, Long.toString(startAt),
            Integer.toString(keys)),
        QueueChildProcess.start("enqueue", NatsTestSupport.brokerUrl(), CONFIG.name(), queue, Long.toString(startAt),
            Integer.toString(keys)));
    List<Map<String, String>> idsByRacer = new ArrayList<>();
    Map<String, Integer> createdPerKey = new HashMap<>();
    List<Integer> createdByRacer = new ArrayList<>();
    try {
      for (Process racer : racers) {
        BufferedReader out = new BufferedReader(new InputStreamReader(racer.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("READY", out.readLine());
        Map<String, String> ids = new HashMap<>();
        int created = 0;
        String line;
        while ((line = out.readLine()) != null) {
          String[] parts = line.split(" ");
          ids.put(parts[1], parts[2]);
          createdPerKey.merge(parts[1], Boolean.parseBoolean(parts[3]) ? 1 : 0, Integer::sum);
          created += Boolean.parseBoolean(parts[3]) ? 1 : 0;
        }
        createdByRacer.add(created);
        assertTrue(racer.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, racer.exitValue());
        idsByRacer.add(ids);
      }
    } finally {
      racers.forEach(Process::destroyForcibly);
    }
    assertTrue(System.currentTimeMillis() > startAt, "the racers did race");
    assertEquals(keys, idsByRacer.get(0).size());
    assertEquals(idsByRacer.get(0), idsByRacer.get(1), "both processes got the same job id for every key");
    assertEquals(Set.of(1), new HashSet<>(createdPerKey.values()), "exactly one process created each job");
    assertTrue(createdByRacer.get(0) > 0 && createdByRacer.get(1) > 0, "both processes won races: " + createdByRacer);

    Set<String> leased = new HashSet<>();
    int leases = 0;
    try (NatsQueueBridge worker = NatsQueueBridge.of(CONFIG)) {
      Optional<LeasedJob> next;
      while ((next = worker.lease(queue, Duration.ofSeconds(30), Duration.ofSeconds(1))).isPresent()) {
        leases++;
        leased.add(next.get().jobId());
        assertTrue(worker.complete(next.get()));
      }
    }
    assertEquals(keys, leases, "one job per key, no second one");
    assertEquals(new HashSet<>(idsByRacer.get(0).values()), leased);
    System.out.printf("RACE TEST: %d keys enqueued by two processes at once: created %d and %d, %d jobs, "
        + "%d leases%n", keys, createdByRacer.get(0), createdByRacer.get(1), leased.size(), leases);
  }
}
