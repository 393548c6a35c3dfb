package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.JobState;
import dev.purista.core.queue.spi.Enqueued;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.NewJob;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link NatsQueueBridge} promises past the contract: a lease that ran out can do nothing even before another
 * worker takes the job; an enqueue with a key whose first enqueue died before publishing finishes the job; data
 * in the bucket or in headers that is not the bridge's does not stop a job.
 */
class NatsQueueEdgeCasesTest {
  private static final NatsQueueConfig CONFIG = QueueTestSupport.config(NatsTestSupport.brokerUrl());
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final NatsQueueBridge bridge = NatsQueueBridge.of(CONFIG);
  private final QueueNames names = new QueueNames(CONFIG.name());
  private final String queue = "edge." + Long.toHexString(System.nanoTime());

  @AfterEach
  void close() {
    bridge.close();
  }

  @AfterAll
  static void deleteStreamsAndBuckets() throws Exception {
    QueueTestSupport.delete(NatsTestSupport.brokerUrl(), CONFIG);
  }

  private static NewJob job(String key) {
    return new NewJob("\"x\"".getBytes(StandardCharsets.UTF_8), null, key, null);
  }

  @Test
  void aLeaseThatRanOutCanDoNothingEvenBeforeAnotherWorkerTakesTheJob() throws Exception {
    String jobId = bridge.enqueue(queue, job(null)).jobId();
    LeasedJob lapsed = bridge.lease(queue, Duration.ofMillis(300), WAIT).orElseThrow();
    Thread.sleep(600);

    assertFalse(bridge.extend(lapsed, LEASE));
    assertFalse(bridge.deadLetter(lapsed, "too late"));
    assertFalse(bridge.retry(lapsed, Duration.ZERO, "too late"));
    assertFalse(bridge.complete(lapsed));
    assertEquals(List.of(), bridge.deadLetters(queue, 10), "the late dead letter was taken back");
    assertEquals(Optional.of(JobState.PENDING), bridge.state(queue, jobId));
    LeasedJob next = bridge.lease(queue, LEASE, WAIT).orElseThrow();
    assertEquals(2, next.attempt());
    assertTrue(bridge.complete(next));
  }

  @Test
  void aRepeatedEnqueueFinishesTheJobOfAFirstEnqueueThatDiedBeforePublishing() throws Exception {
    // What a process that died between claiming the key and publishing leaves behind: the key and an unpublished
    // record, no message.
    try (BrokerProbe probe = new BrokerProbe(NatsTestSupport.brokerUrl())) {
      probe.connection.keyValue(names.keysBucket()).create(names.idempotencyKey(queue, "order-9"),
          "orphan-1".getBytes(StandardCharsets.UTF_8));
      probe.connection.keyValue(names.jobsBucket()).create(names.jobKey(queue, "orphan-1"),
          JobRecord.pending(0, null, false).toJson());
    }
    assertEquals(Optional.empty(), bridge.lease(queue, LEASE, Duration.ZERO), "nothing to lease yet");

    Enqueued again = bridge.enqueue(queue, job("order-9"));
    assertEquals("orphan-1", again.jobId());
    assertFalse(again.created());
    assertTrue(bridge.complete(bridge.lease(queue, LEASE, WAIT).orElseThrow()));
    Enqueued third = bridge.enqueue(queue, job("order-9"));
    assertEquals("orphan-1", third.jobId());
    assertEquals(Optional.empty(), bridge.lease(queue, LEASE, Duration.ofMillis(500)), "published once");
  }

  @Test
  void aRecordThatIsNotOneIsReplacedWhenItsMessageComes() throws Exception {
    String jobId = bridge.enqueue(queue, job(null)).jobId();
    try (BrokerProbe probe = new BrokerProbe(NatsTestSupport.brokerUrl())) {
      probe.connection.keyValue(names.jobsBucket()).put(names.jobKey(queue, jobId),
          "garbage".getBytes(StandardCharsets.UTF_8));
    }
    LeasedJob leased = bridge.lease(queue, LEASE, WAIT).orElseThrow();
    assertEquals(jobId, leased.jobId());
    assertEquals(1, leased.attempt());
    assertTrue(bridge.complete(leased));
    assertEquals(Optional.of(JobState.COMPLETED), bridge.state(queue, jobId));
  }

  @Test
  void anUnreadableStartTimeCountsAsNone() throws Exception {
    try (BrokerProbe probe = new BrokerProbe(NatsTestSupport.brokerUrl())) {
      probe.connection.jetStream().publish(names.jobSubject(queue),
          new Headers().put(NatsQueueBridge.JOB_ID, "odd-1").put(NatsQueueBridge.NOT_BEFORE, "soon"),
          "\"x\"".getBytes(StandardCharsets.UTF_8));
    }
    LeasedJob leased = bridge.lease(queue, LEASE, WAIT).orElseThrow();
    assertEquals("odd-1", leased.jobId());
    assertTrue(bridge.complete(leased));
  }
}
