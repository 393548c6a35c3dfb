package dev.purista.redis;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A service's queue worker on the Redis bridge: a poison job is dead-lettered after its attempts and redriven. */
class RedisQueueWorkerTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  record Mail(String to) {
  }

  @Test
  void aPoisonJobIsDeadLetteredAfterItsAttemptsAndARedriveRunsItAgain() throws Exception {
    String prefix = "purista-test:" + Long.toHexString(System.nanoTime()) + ":";
    RedisQueueBridge bridge = RedisQueueBridge.of(RedisTestServer.config(prefix));
    AtomicInteger runs = new AtomicInteger();
    AtomicBoolean fixed = new AtomicBoolean();
    QueueDefinition<Mail> mails = QueueDefinition.builder("mails", Mail.class).maxAttempts(3)
        .backoff(Duration.ofMillis(50), Duration.ofMillis(200)).build();
    ServiceDefinition mailer = ServiceDefinition.builder("mailer", "1")
        .queueWorker(QueueWorkerDefinition.builder("send", mails).pollWait(Duration.ofMillis(200))
            .handler((ctx, mail) -> {
              runs.incrementAndGet();
              if (!fixed.get()) {
                throw new IllegalStateException("mailbox " + mail.to() + " unknown");
              }
            }).build())
        .build();
    Application app = Application.builder(new DefaultEventBridge()).queueBridge(bridge).service(mailer).build()
        .start();
    try {
      String jobId = bridge.enqueue("mails", new NewJob("{\"to\":\"nobody\"}".getBytes(StandardCharsets.UTF_8),
          null, null, null)).jobId();

      await(() -> bridge.state("mails", jobId).orElse(null) == JobState.DEAD_LETTER, "dead-lettered");
      assertEquals(3, runs.get(), "ran its three attempts");
      DeadLetter dead = bridge.deadLetters("mails", 10).get(0);
      assertEquals(jobId, dead.jobId());
      assertEquals(3, dead.attempts());
      assertTrue(dead.reason().contains("failed 3 attempts") && dead.reason().contains("mailbox nobody unknown"),
          dead.reason());

      fixed.set(true);
      assertEquals(1, bridge.redrive("mails"));
      await(() -> bridge.state("mails", jobId).orElse(null) == JobState.COMPLETED, "completed after the redrive");
      assertEquals(4, runs.get());
      assertEquals(List.of(), bridge.deadLetters("mails", 10));
    } finally {
      app.stop();
      RedisTestServer.deleteAll(prefix);
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
