package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.JobState;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.NewJob;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Job records expire after the retention, which is what keeps the jobs bucket from growing with every completed
 * job; what a job needs to run travels with its message, so a job that waits longer than the retention still runs
 * at its time, and a dead letter whose record expired can still be redriven.
 */
class NatsQueueRetentionTest {
  private static final Duration RETENTION = Duration.ofSeconds(2);
  private static final NatsQueueConfig CONFIG = QueueTestSupport.config(NatsTestSupport.brokerUrl())
      .withRetention(RETENTION);
  private static final Duration LEASE = Duration.ofSeconds(30);

  private final NatsQueueBridge bridge = NatsQueueBridge.of(CONFIG);
  private final String queue = "retention-" + Long.toHexString(System.nanoTime());

  @AfterEach
  void close() {
    bridge.close();
  }

  @AfterAll
  static void deleteStreamsAndBuckets() throws Exception {
    QueueTestSupport.delete(NatsTestSupport.brokerUrl(), CONFIG);
  }

  private static NewJob job(Instant notBefore) {
    return new NewJob("\"x\"".getBytes(StandardCharsets.UTF_8), notBefore, null, "trace-7");
  }

  private static void awaitForgotten(NatsQueueBridge bridge, String queue, String jobId) {
    Eventually.await(RETENTION.multipliedBy(5), "the record of " + jobId + " expired",
        () -> bridge.state(queue, jobId).isEmpty());
  }

  @Test
  void aCompletedJobIsForgottenAfterTheRetention() throws Exception {
    String jobId = bridge.enqueue(queue, job(null)).jobId();
    assertTrue(bridge.complete(bridge.lease(queue, LEASE, Duration.ofSeconds(5)).orElseThrow()));
    assertEquals(Optional.of(JobState.COMPLETED), bridge.state(queue, jobId));

    awaitForgotten(bridge, queue, jobId);
    assertEquals(Optional.empty(), bridge.lease(queue, LEASE, Duration.ofMillis(500)), "and it does not run again");
  }

  @Test
  void aJobDelayedPastTheRetentionRunsAtItsTimeNotBefore() throws Exception {
    Instant notBefore = Instant.now().plus(RETENTION.multipliedBy(3));
    String jobId = bridge.enqueue(queue, job(notBefore)).jobId();
    awaitForgotten(bridge, queue, jobId);
    assertEquals(Optional.empty(), bridge.lease(queue, LEASE, Duration.ZERO), "not before its time");

    LeasedJob leased = bridge.lease(queue, LEASE, RETENTION.multipliedBy(5)).orElseThrow();
    assertFalse(Instant.now().isBefore(notBefore), "leased at or after its time");
    assertEquals(jobId, leased.jobId());
    assertEquals("trace-7", leased.traceId());
    assertEquals(1, leased.attempt());
    assertTrue(bridge.complete(leased));
  }

  @Test
  void aDeadLetterWhoseRecordExpiredIsStillListedAndRedriven() throws Exception {
    String jobId = bridge.enqueue(queue, job(null)).jobId();
    assertTrue(bridge.deadLetter(bridge.lease(queue, LEASE, Duration.ofSeconds(5)).orElseThrow(), "poison"));
    awaitForgotten(bridge, queue, jobId);

    assertEquals(jobId, bridge.deadLetters(queue, 10).get(0).jobId());
    assertEquals(1, bridge.redrive(queue));
    LeasedJob again = bridge.lease(queue, LEASE, Duration.ofSeconds(5)).orElseThrow();
    assertEquals(jobId, again.jobId());
    assertEquals("trace-7", again.traceId());
    assertTrue(bridge.complete(again));
    assertEquals(Optional.of(JobState.COMPLETED), bridge.state(queue, jobId));
  }
}
