package dev.purista.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.JobState;
import dev.purista.core.queue.spi.DeadLetter;
import dev.purista.core.queue.spi.Enqueued;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.queue.spi.QueueCapability;
import dev.purista.core.telemetry.Otp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link QueueBridge} keeps, as one JUnit 5 suite: leases, their expiry and extension, retries
 * with a delay, dead letters with inspect, redrive and purge, delayed jobs, strict idempotency keys (also when
 * enqueues race), and competing workers that each get a job exactly once. A bridge module extends it and says how
 * to make a bridge; two bridges it makes must see the same queues, like two processes.
 *
 * <p>Every test uses a queue of its own, so leftovers on a shared server cannot interfere.
 */
public abstract class QueueBridgeContract {
  private static final Duration NO_WAIT = Duration.ZERO;
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration LEASE = Duration.ofSeconds(30);

  private final List<QueueBridge> bridges = new ArrayList<>();
  private String queue;

  /** For the bridge's test class, which extends this one. */
  protected QueueBridgeContract() {
  }

  /** A new, started bridge on the same queues as every other bridge this test class makes; the suite closes it. */
  protected abstract QueueBridge newBridge();

  @BeforeEach
  void uniqueQueue() {
    queue = "contract-" + Long.toHexString(System.nanoTime());
  }

  @AfterEach
  void closeBridges() {
    bridges.forEach(QueueBridge::close);
    bridges.clear();
  }

  private QueueBridge bridge() {
    QueueBridge bridge = newBridge();
    bridges.add(bridge);
    return bridge;
  }

  private static NewJob job(String text) {
    return new NewJob(bytes(text), null, null, null);
  }

  private static byte[] bytes(String text) {
    return ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
  }

  private LeasedJob leaseOne(QueueBridge bridge, Duration visibility) throws InterruptedException {
    return bridge.lease(queue, visibility, WAIT).orElseThrow(() -> new AssertionError("no job within " + WAIT));
  }

  @Test
  void everyCapabilityIsHonoured() {
    assertEquals(EnumSet.allOf(QueueCapability.class), bridge().capabilities());
  }

  @Test
  void aJobIsLeasedCompletedAndNotSeenAgain() throws Exception {
    QueueBridge producer = bridge();
    QueueBridge worker = bridge();
    Enqueued enqueued = producer.enqueue(queue, new NewJob(bytes("mail"), null, null, "trace-1"));
    assertTrue(enqueued.created());
    assertEquals(Optional.of(JobState.PENDING), producer.state(queue, enqueued.jobId()));

    LeasedJob leased = leaseOne(worker, LEASE);
    assertEquals(enqueued.jobId(), leased.jobId());
    assertArrayEquals(bytes("mail"), leased.payload());
    assertEquals(1, leased.attempt());
    assertEquals("trace-1", leased.traceId());
    assertEquals(Optional.of(JobState.IN_FLIGHT), producer.state(queue, enqueued.jobId()));

    assertTrue(worker.complete(leased));
    assertEquals(Optional.of(JobState.COMPLETED), producer.state(queue, enqueued.jobId()));
    assertEquals(Optional.empty(), worker.lease(queue, LEASE, Duration.ofMillis(200)));
    assertFalse(worker.complete(leased), "a job completes once");
  }

  /**
   * The span context a job was enqueued in ({@code otp}) comes back with every lease of it: the first, after a
   * retry and after a redrive from the dead letters; a job enqueued without one has none.
   */
  @Test
  void aJobCarriesTheSpanContextItWasEnqueuedInThroughRetriesAndRedrives() throws Exception {
    QueueBridge producer = bridge();
    QueueBridge worker = bridge();
    String otp = Otp.format("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "vendor=value");
    Enqueued traced = producer.enqueue(queue, new NewJob(bytes("traced"), null, null, "trace-2", otp));

    LeasedJob first = leaseOne(worker, LEASE);
    assertEquals(traced.jobId(), first.jobId());
    assertEquals(otp, first.otp());
    assertTrue(worker.retry(first, Duration.ZERO, "once more"));
    LeasedJob retried = leaseOne(worker, LEASE);
    assertEquals(2, retried.attempt());
    assertEquals(otp, retried.otp(), "after a retry");
    assertTrue(worker.deadLetter(retried, "give up"));
    assertEquals(1, worker.redrive(queue));
    LeasedJob redriven = leaseOne(worker, LEASE);
    assertEquals(traced.jobId(), redriven.jobId());
    assertEquals(otp, redriven.otp(), "after a redrive");
    assertEquals("trace-2", redriven.traceId());
    assertTrue(worker.complete(redriven));

    producer.enqueue(queue, job("untraced"));
    assertNull(leaseOne(worker, LEASE).otp(), "a job enqueued without span context has none");
  }

  /**
   * Depth is optional ({@code QueueBridge.depth}); a bridge that reports it counts the jobs waiting to be leased.
   * It is a metric reading, so a completed job may leave it a moment later (NATS removes the message once the
   * server has processed the acknowledgement).
   */
  @Test
  void aReportedDepthCountsTheJobsWaiting() throws Exception {
    QueueBridge bridge = bridge();
    if (bridge.depth(queue).isEmpty()) {
      return;
    }
    assertEquals(OptionalLong.of(0), bridge.depth(queue), "an unknown queue is empty");
    bridge.enqueue(queue, job("a"));
    bridge.enqueue(queue, new NewJob(bytes("b"), Instant.now().plusSeconds(60), null, null));
    assertEquals(OptionalLong.of(2), bridge.depth(queue), "due and delayed jobs wait");
    assertTrue(bridge.complete(leaseOne(bridge, LEASE)));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!bridge.depth(queue).equals(OptionalLong.of(1)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(OptionalLong.of(1), bridge.depth(queue), "a completed job no longer waits");
  }

  @Test
  void dueJobsAreLeasedInTheOrderTheyWereEnqueued() throws Exception {
    QueueBridge bridge = bridge();
    for (int i = 0; i < 5; i++) {
      bridge.enqueue(queue, job("job" + i));
    }
    for (int i = 0; i < 5; i++) {
      LeasedJob leased = leaseOne(bridge, LEASE);
      assertArrayEquals(bytes("job" + i), leased.payload());
      bridge.complete(leased);
    }
  }

  @Test
  void aDelayedJobIsNotLeasedBeforeItsTime() throws Exception {
    QueueBridge bridge = bridge();
    // Far enough ahead that a loaded machine still asks before the job is due.
    Instant notBefore = Instant.now().plusMillis(2_000);
    Enqueued enqueued = bridge.enqueue(queue, new NewJob(bytes("later"), notBefore, null, null));

    assertEquals(Optional.empty(), bridge.lease(queue, LEASE, NO_WAIT));
    LeasedJob leased = leaseOne(bridge, LEASE);

    assertEquals(enqueued.jobId(), leased.jobId());
    assertFalse(Instant.now().isBefore(notBefore), "leased at or after its time");
  }

  @Test
  void aLeaseThatRunsOutMakesTheJobAvailableAgainAndTheOldLeaseCannotFinishIt() throws Exception {
    QueueBridge crashed = bridge();
    QueueBridge other = bridge();
    crashed.enqueue(queue, job("work"));
    LeasedJob first = leaseOne(crashed, Duration.ofMillis(300));

    LeasedJob second = leaseOne(other, LEASE);

    assertEquals(first.jobId(), second.jobId());
    assertEquals(2, second.attempt());
    assertFalse(crashed.complete(first), "the expired lease is no longer the job's");
    assertFalse(crashed.retry(first, Duration.ZERO, "late"));
    assertTrue(other.complete(second));
    assertEquals(Optional.of(JobState.COMPLETED), other.state(queue, first.jobId()));
  }

  @Test
  void anExtendedLeaseKeepsTheJob() throws Exception {
    QueueBridge bridge = bridge();
    bridge.enqueue(queue, job("long"));
    // Wide margins: a loaded machine may oversleep by a second, and the lease must still hold.
    Duration lease = Duration.ofSeconds(2);
    LeasedJob leased = leaseOne(bridge, lease);

    for (int i = 0; i < 6; i++) {
      Thread.sleep(500);
      assertTrue(bridge.extend(leased, lease), "extension " + i);
    }

    assertEquals(Optional.empty(), bridge.lease(queue, LEASE, NO_WAIT), "still leased past its first timeout");
    assertTrue(bridge.complete(leased));
  }

  @Test
  void aRetriedJobWaitsItsDelayThenRunsAgain() throws Exception {
    QueueBridge bridge = bridge();
    Enqueued enqueued = bridge.enqueue(queue, job("flaky"));
    LeasedJob first = leaseOne(bridge, LEASE);

    assertTrue(bridge.retry(first, Duration.ofMillis(700), "database busy"));
    assertEquals(Optional.of(JobState.FAILED), bridge.state(queue, enqueued.jobId()));
    assertEquals(Optional.empty(), bridge.lease(queue, LEASE, NO_WAIT));
    LeasedJob second = leaseOne(bridge, LEASE);

    assertEquals(2, second.attempt());
    assertArrayEquals(bytes("flaky"), second.payload());
  }

  @Test
  void deadLettersAreListedRedrivenAndPurged() throws Exception {
    QueueBridge bridge = bridge();
    Enqueued poison = bridge.enqueue(queue, job("poison"));
    Enqueued other = bridge.enqueue(queue, job("other"));
    assertTrue(bridge.deadLetter(leaseOne(bridge, LEASE), "cannot parse"));
    assertTrue(bridge.deadLetter(leaseOne(bridge, LEASE), "gave up"));

    List<DeadLetter> dead = bridge.deadLetters(queue, 10);
    assertEquals(List.of(poison.jobId(), other.jobId()), dead.stream().map(DeadLetter::jobId).toList());
    assertEquals("cannot parse", dead.get(0).reason());
    assertArrayEquals(bytes("poison"), dead.get(0).payload());
    assertEquals(Optional.of(JobState.DEAD_LETTER), bridge.state(queue, poison.jobId()));
    assertEquals(Optional.empty(), bridge.lease(queue, LEASE, NO_WAIT));

    assertEquals(2, bridge.redrive(queue));
    LeasedJob again = leaseOne(bridge, LEASE);
    assertEquals(poison.jobId(), again.jobId());
    assertEquals(1, again.attempt(), "a redriven job starts counting again");
    assertTrue(bridge.deadLetter(again, "still poison"));
    assertTrue(bridge.complete(leaseOne(bridge, LEASE)));

    assertEquals(1, bridge.purgeDeadLetters(queue));
    assertEquals(List.of(), bridge.deadLetters(queue, 10));
  }

  @Test
  void aRepeatedIdempotencyKeyCreatesNothingEvenWhenEnqueuesRace() throws Exception {
    QueueBridge bridge = bridge();
    Enqueued first = bridge.enqueue(queue, new NewJob(bytes("pay"), null, "order-7", null));
    Enqueued again = bridge.enqueue(queue, new NewJob(bytes("pay twice"), null, "order-7", null));
    assertTrue(first.created());
    assertFalse(again.created());
    assertEquals(first.jobId(), again.jobId());

    List<QueueBridge> racers = List.of(bridge(), bridge(), bridge(), bridge());
    Set<String> ids = ConcurrentHashMap.newKeySet();
    List<Boolean> created = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(racers.size());
    try {
      List<Callable<Enqueued>> tasks = new ArrayList<>();
      for (QueueBridge racer : racers) {
        tasks.add(() -> racer.enqueue(queue, new NewJob(bytes("race"), null, "order-8", null)));
      }
      for (Future<Enqueued> result : pool.invokeAll(tasks)) {
        ids.add(result.get().jobId());
        created.add(result.get().created());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, ids.size(), "every racer got the one job's id");
    assertEquals(1, created.stream().filter(Boolean::booleanValue).count(), "exactly one racer created it");

    Set<String> leased = new HashSet<>();
    Optional<LeasedJob> next;
    while ((next = bridge.lease(queue, LEASE, Duration.ofMillis(300))).isPresent()) {
      leased.add(new String(next.get().payload(), StandardCharsets.UTF_8));
      bridge.complete(next.get());
    }
    assertEquals(Set.of("\"pay\"", "\"race\""), leased);
  }

  @Test
  void competingWorkersGetEachJobExactlyOnce() throws Exception {
    QueueBridge producer = bridge();
    int jobs = 200;
    for (int i = 0; i < jobs; i++) {
      producer.enqueue(queue, job("job" + i));
    }
    List<QueueBridge> workers = List.of(bridge(), bridge(), bridge(), bridge());
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<String> duplicates = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (QueueBridge worker : workers) {
        tasks.add(() -> {
          Optional<LeasedJob> next;
          while ((next = worker.lease(queue, LEASE, Duration.ofMillis(300))).isPresent()) {
            if (!seen.add(next.get().jobId())) {
              synchronized (duplicates) {
                duplicates.add(next.get().jobId());
              }
            }
            worker.complete(next.get());
          }
          return null;
        });
      }
      for (Future<Void> done : pool.invokeAll(tasks)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(jobs, seen.size());
    assertEquals(List.of(), duplicates);
  }
}
