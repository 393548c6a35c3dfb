package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.JobState;
import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.queue.spi.DeadLetter;
import dev.purista.core.queue.spi.NewJob;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Queue workers on {@link NatsQueueBridge} against the real server: data written straight onto a queue's subject
 * by something else than the bridge, malformed or not, and a poison job that uses up its attempts and is redriven.
 */
class NatsQueueWorkerTest {
  private static final NatsQueueConfig CONFIG = QueueTestSupport.config(NatsTestSupport.brokerUrl());
  private static final Duration WAIT = Duration.ofSeconds(20);

  record Mail(String to, int priority) {
  }

  private Application app;
  private NatsQueueBridge queues;

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @AfterAll
  static void deleteStreamsAndBuckets() throws Exception {
    QueueTestSupport.delete(NatsTestSupport.brokerUrl(), CONFIG);
  }

  private void start(QueueWorkerDefinition<Mail> worker) {
    queues = NatsQueueBridge.of(CONFIG);
    app = Application.builder(new DefaultEventBridge()).queueBridge(queues).gracePeriod(Duration.ofSeconds(5))
        .service(ServiceDefinition.builder("mailer", "1").queueWorker(worker).build())
        .build().start();
  }

  private static QueueDefinition.Builder<Mail> mails(String queue) {
    return QueueDefinition.builder(queue, Mail.class).backoff(Duration.ofMillis(20), Duration.ofMillis(100));
  }

  @Test
  void malformedDataPutStraightOnTheSubjectIsDeadLetteredWithItsReasonAndTheWorkerGoesOn() throws Exception {
    String queue = "raw.mails-" + Long.toHexString(System.nanoTime());
    List<String> sent = new CopyOnWriteArrayList<>();
    start(QueueWorkerDefinition.builder("send", mails(queue).build())
        .handler((ctx, mail) -> sent.add(mail.to())).build());
    String subject = new QueueNames(CONFIG.name()).jobSubject(queue);

    try (BrokerProbe probe = new BrokerProbe(NatsTestSupport.brokerUrl())) {
      probe.connection.jetStream().publish(subject, "{not json".getBytes(StandardCharsets.UTF_8));
      probe.connection.jetStream().publish(subject, new Headers().put(NatsQueueBridge.JOB_ID, "external-1"),
          "{\"to\":\"b\",\"priority\":\"high\"}".getBytes(StandardCharsets.UTF_8));
      probe.connection.jetStream().publish(subject, "{\"to\":\"c\",\"priority\":2}".getBytes(StandardCharsets.UTF_8));
    }
    String good = queues.enqueue(queue, new NewJob("{\"to\":\"d\",\"priority\":1}".getBytes(StandardCharsets.UTF_8),
        null, null, null)).jobId();

    Eventually.await(WAIT, "the good jobs after the bad ones",
        () -> queues.state(queue, good).orElse(null) == JobState.COMPLETED && sent.size() == 2);
    assertEquals(List.of("c", "d"), sent, "no handler saw a malformed job; a well-formed foreign one ran");
    List<DeadLetter> dead = queues.deadLetters(queue, 10);
    assertEquals(2, dead.size(), dead.toString());
    assertTrue(dead.stream().allMatch(letter -> letter.reason().startsWith("malformed job") && letter.attempts() == 1),
        dead.toString());
    assertEquals("{not json", new String(dead.get(0).payload(), StandardCharsets.UTF_8), "kept as it came");
    assertEquals("external-1", dead.get(1).jobId());
    assertEquals(JobState.DEAD_LETTER, queues.state(queue, "external-1").orElseThrow());
  }

  @Test
  void aPoisonJobIsDeadLetteredAfterItsAttemptsAndARedriveRunsItAgain() throws Exception {
    String queue = "poison-" + Long.toHexString(System.nanoTime());
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger failUntil = new AtomicInteger(Integer.MAX_VALUE);
    start(QueueWorkerDefinition.builder("send", mails(queue).maxAttempts(3).build()).handler((ctx, mail) -> {
      if (runs.incrementAndGet() < failUntil.get()) {
        throw new IllegalStateException("smtp down");
      }
    }).build());
    String jobId = queues.enqueue(queue, new NewJob("{\"to\":\"a\",\"priority\":1}".getBytes(StandardCharsets.UTF_8),
        null, null, null)).jobId();

    Eventually.await(WAIT, "dead-lettered", () -> queues.state(queue, jobId).orElse(null) == JobState.DEAD_LETTER);
    assertEquals(3, runs.get());
    DeadLetter dead = queues.deadLetters(queue, 10).get(0);
    assertEquals(Set.of(jobId, 3), Set.of(dead.jobId(), dead.attempts()));
    assertTrue(dead.reason().contains("smtp down"), dead.reason());

    failUntil.set(0);
    assertEquals(1, queues.redrive(queue));
    Eventually.await(WAIT, "completed after the redrive",
        () -> queues.state(queue, jobId).orElse(null) == JobState.COMPLETED);
    assertEquals(4, runs.get());
    assertEquals(List.of(), queues.deadLetters(queue, 10));
  }
}
