package dev.purista.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.EnqueueOptions;
import dev.purista.core.HandledError;
import dev.purista.core.JobState;
import dev.purista.core.PuristaClient;
import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.UnhandledError;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.queue.memory.DefaultQueueBridge;
import dev.purista.core.queue.spi.DeadLetter;
import dev.purista.core.queue.spi.ForwardingQueueBridge;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.queue.spi.QueueCapability;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Queues and workers declared on services, in one application on the in-memory bridges: a command enqueues, a
 * worker of another service works the job; retries, dead letters, malformed jobs, outcomes, pause and resume,
 * concurrency, heartbeats and draining on stop.
 */
class QueueWorkerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  record Mail(String to, int priority) {
  }

  record Ticket(String id) {
  }

  private final QueueBridge queues = new DefaultQueueBridge();
  private Application app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private static QueueDefinition.Builder<Mail> mails() {
    return QueueDefinition.builder("mails", Mail.class).backoff(Duration.ofMillis(20), Duration.ofMillis(100));
  }

  private static ServiceDefinition mailer(QueueWorkerDefinition<Mail> worker) {
    return ServiceDefinition.builder("mailer", "1").queueWorker(worker).build();
  }

  private Application start(ServiceDefinition... services) {
    Application.Builder builder = Application.builder(new DefaultEventBridge()).queueBridge(queues)
        .gracePeriod(Duration.ofSeconds(5));
    for (ServiceDefinition service : services) {
      builder.service(service);
    }
    app = builder.build().start();
    return app;
  }

  @Test
  void aCommandEnqueuesAndAnotherServicesWorkerWorksTheJobWithTheCallersTrace() throws Exception {
    QueueDefinition<Mail> queue = mails().build();
    List<String> sent = new CopyOnWriteArrayList<>();
    List<String> traces = new CopyOnWriteArrayList<>();
    ServiceDefinition shop = ServiceDefinition.builder("shop", "1").queue(queue)
        .command(CommandDefinition.builder("order", Mail.class, Void.class, String.class)
            .handler((ctx, mail, ignored) -> ctx.queues().enqueue("mails", mail)).build())
        .build();
    start(shop, mailer(QueueWorkerDefinition.builder("send", queue).handler((ctx, mail) -> {
      sent.add(mail.to());
      traces.add(ctx.traceId());
    }).build()));

    PuristaClient client = app.client("test");
    String jobId = client.invoke(MessageAddress.of("shop", "1", "order"), new Mail("ada@example.org", 1), null,
        String.class);

    await(() -> sent.size() == 1, "the job was worked");
    assertEquals(List.of("ada@example.org"), sent);
    assertTrue(traces.get(0) != null && !traces.get(0).isEmpty(), "the job carries a trace id");
    await(() -> queues.state("mails", jobId).orElse(null) == JobState.COMPLETED, "completed");
  }

  @Test
  void aFailingJobIsRetriedWithBackoffUntilItSucceeds() throws Exception {
    QueueDefinition<Mail> queue = mails().maxAttempts(5).build();
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    start(mailer(QueueWorkerDefinition.builder("send", queue).handler((ctx, mail) -> {
      attempts.add(ctx.attempt());
      if (ctx.attempt() < 3) {
        throw new IllegalStateException("smtp down");
      }
    }).build()));

    String jobId = enqueueRaw("mails", "{\"to\":\"a\",\"priority\":1}");

    await(() -> queues.state("mails", jobId).orElse(null) == JobState.COMPLETED, "completed on the third attempt");
    assertEquals(List.of(1, 2, 3), attempts);
  }

  @Test
  void aJobThatAlwaysFailsIsDeadLetteredAfterItsAttemptsAndARedriveRunsItAgain() throws Exception {
    QueueDefinition<Mail> queue = mails().maxAttempts(3).build();
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger failUntil = new AtomicInteger(Integer.MAX_VALUE);
    start(mailer(QueueWorkerDefinition.builder("send", queue).handler((ctx, mail) -> {
      if (runs.incrementAndGet() < failUntil.get()) {
        throw new IllegalStateException("poison " + mail.to());
      }
    }).build()));

    String jobId = enqueueRaw("mails", "{\"to\":\"x\",\"priority\":1}");

    await(() -> queues.state("mails", jobId).orElse(null) == JobState.DEAD_LETTER, "dead-lettered");
    assertEquals(3, runs.get());
    DeadLetter dead = queues.deadLetters("mails", 10).get(0);
    assertEquals(3, dead.attempts());
    assertTrue(dead.reason().contains("failed 3 attempts") && dead.reason().contains("poison x"), dead.reason());

    failUntil.set(0);
    assertEquals(1, queues.redrive("mails"));
    await(() -> queues.state("mails", jobId).orElse(null) == JobState.COMPLETED, "completed after the redrive");
  }

  @Test
  void aMalformedJobIsDeadLetteredAtOnceWithItsReasonAndTheWorkerGoesOn() throws Exception {
    List<String> sent = new CopyOnWriteArrayList<>();
    start(mailer(QueueWorkerDefinition.builder("send", mails().build())
        .handler((ctx, mail) -> sent.add(mail.to())).build()));

    String notJson = enqueueRaw("mails", "{not json");
    String wrongType = enqueueRaw("mails", "{\"to\":\"b\",\"priority\":\"high\"}");
    String good = enqueueRaw("mails", "{\"to\":\"c\",\"priority\":2}");

    await(() -> queues.state("mails", good).orElse(null) == JobState.COMPLETED, "the good job after the bad ones");
    assertEquals(List.of("c"), sent, "no handler saw a malformed job");
    assertEquals(JobState.DEAD_LETTER, queues.state("mails", notJson).orElseThrow());
    assertEquals(JobState.DEAD_LETTER, queues.state("mails", wrongType).orElseThrow());
    List<DeadLetter> dead = queues.deadLetters("mails", 10);
    assertTrue(dead.stream().allMatch(letter -> letter.reason().startsWith("malformed job") && letter.attempts() == 1),
        dead.toString());
  }

  @Test
  void anInvalidJobIsRefusedAtEnqueueAndAnUndeclaredQueueIsAnError() {
    QueueDefinition<Mail> queue = mails().build();
    ServiceDefinition shop = ServiceDefinition.builder("shop", "1").queue(queue)
        .command(CommandDefinition.builder("bad", Void.class, Void.class, String.class)
            .handler((ctx, p, q) -> ctx.queues().enqueue("mails", Map.of("to", "x", "priority", "high"))).build())
        .command(CommandDefinition.builder("elsewhere", Void.class, Void.class, String.class)
            .handler((ctx, p, q) -> ctx.queues().enqueue("invoices", new Mail("x", 1))).build())
        .build();
    start(shop);
    PuristaClient client = app.client("test");

    HandledError invalid = assertThrows(HandledError.class,
        () -> client.invoke(MessageAddress.of("shop", "1", "bad"), null, null, String.class));
    UnhandledError undeclared = assertThrows(UnhandledError.class,
        () -> client.invoke(MessageAddress.of("shop", "1", "elsewhere"), null, null, String.class));

    assertEquals(400, invalid.status().code());
    assertTrue(invalid.getMessage().contains("priority"), invalid.getMessage());
    assertEquals(500, undeclared.status().code(), "a programming error reaches the caller as a 500");
    assertEquals(List.of(), queues.deadLetters("mails", 10));
  }

  @Test
  void theHandlerCanChooseRetryOrDeadLetter() throws Exception {
    Map<String, Integer> runs = new ConcurrentHashMap<>();
    start(mailer(QueueWorkerDefinition.builder("send", mails().build()).handler((ctx, mail) -> {
      runs.merge(mail.to(), 1, Integer::sum);
      if (mail.to().equals("later") && ctx.attempt() == 1) {
        ctx.retryAfter(Duration.ofMillis(50), "mailbox full");
      } else if (mail.to().equals("never")) {
        ctx.moveToDeadLetter("address rejected");
      }
    }).build()));

    String later = enqueueRaw("mails", "{\"to\":\"later\",\"priority\":1}");
    String never = enqueueRaw("mails", "{\"to\":\"never\",\"priority\":1}");

    await(() -> queues.state("mails", later).orElse(null) == JobState.COMPLETED, "completed on its retry");
    await(() -> queues.state("mails", never).orElse(null) == JobState.DEAD_LETTER, "dead-lettered as asked");
    assertEquals(2, runs.get("later"));
    assertEquals(1, runs.get("never"));
    assertEquals("address rejected", queues.deadLetters("mails", 10).get(0).reason());
  }

  @Test
  void aPausedWorkerTakesNoJobsUntilResumed() throws Exception {
    List<String> sent = new CopyOnWriteArrayList<>();
    start(mailer(QueueWorkerDefinition.builder("send", mails().build()).pollWait(Duration.ofMillis(100))
        .handler((ctx, mail) -> sent.add(mail.to())).build()));
    app.services().get(0).pauseWorker("send");
    // Let a lease call that was waiting when the worker paused run out (pollWait 100 ms), with room for a slow machine.
    Thread.sleep(1_000);

    String jobId = enqueueRaw("mails", "{\"to\":\"p\",\"priority\":1}");
    Thread.sleep(500);
    assertEquals(List.of(), sent);
    assertEquals(JobState.PENDING, queues.state("mails", jobId).orElseThrow());

    app.services().get(0).resumeWorker("send");
    await(() -> sent.size() == 1, "worked after resume");
  }

  @Test
  void concurrencyRunsThatManyJobsAtOnce() throws Exception {
    CountDownLatch allStarted = new CountDownLatch(4);
    AtomicInteger timedOut = new AtomicInteger();
    start(mailer(QueueWorkerDefinition.builder("send", mails().build()).concurrency(4).handler((ctx, mail) -> {
      allStarted.countDown();
      if (!allStarted.await(5, TimeUnit.SECONDS)) {
        timedOut.incrementAndGet();
      }
    }).build()));

    for (int i = 0; i < 4; i++) {
      enqueueRaw("mails", "{\"to\":\"c" + i + "\",\"priority\":1}");
    }

    assertTrue(allStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS), "four jobs ran at the same time");
    assertEquals(0, timedOut.get());
  }

  @Test
  void theHeartbeatKeepsALongJobLeasedSoItRunsOnce() throws Exception {
    QueueDefinition<Mail> queue = mails().visibilityTimeout(Duration.ofSeconds(1)).build();
    AtomicInteger runs = new AtomicInteger();
    start(mailer(QueueWorkerDefinition.builder("send", queue).concurrency(2).handler((ctx, mail) -> {
      runs.incrementAndGet();
      Thread.sleep(3_500);
    }).build()));

    String jobId = enqueueRaw("mails", "{\"to\":\"slow\",\"priority\":1}");

    await(() -> queues.state("mails", jobId).orElse(null) == JobState.COMPLETED, "completed");
    assertEquals(1, runs.get(), "three and a half times its visibility timeout, and no second worker took it");
  }

  @Test
  void stoppingLetsTheRunningJobFinish() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    List<String> finished = new CopyOnWriteArrayList<>();
    start(mailer(QueueWorkerDefinition.builder("send", mails().build()).handler((ctx, mail) -> {
      started.countDown();
      Thread.sleep(500);
      finished.add(mail.to());
    }).build()));
    String jobId = enqueueRaw("mails", "{\"to\":\"s\",\"priority\":1}");
    assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));

    assertTrue(app.stop(), "drained within the grace period");
    app = null;

    assertEquals(List.of("s"), finished);
    assertEquals(JobState.COMPLETED, queues.state("mails", jobId).orElseThrow());
  }

  @Test
  void aQueueThatNeedsMoreThanTheBridgeHonoursFailsAtStart() {
    QueueBridge noKeys = new QueueBridgeWithout(new DefaultQueueBridge(), QueueCapability.IDEMPOTENCY_ENFORCEMENT);
    QueueDefinition<Ticket> tickets = QueueDefinition.builder("tickets", Ticket.class).idempotencyKeys().build();
    Application application = Application.builder(new DefaultEventBridge()).queueBridge(noKeys)
        .service(ServiceDefinition.builder("desk", "1").queue(tickets).build()).build();

    IllegalStateException refused = assertThrows(IllegalStateException.class, application::start);

    assertTrue(refused.getMessage().contains("IDEMPOTENCY_ENFORCEMENT"), refused.getMessage());
    assertFalse(application.health().ready());
  }

  @Test
  void aBridgeFailingToRecordAnOutcomeOrAHeartbeatDoesNotStopTheWorker() throws Exception {
    // The first complete and the first heartbeat fail, as when the bridge's server is away for a moment.
    AtomicInteger completeCalls = new AtomicInteger();
    AtomicInteger extendCalls = new AtomicInteger();
    QueueBridge flaky = new ForwardingQueueBridge(queues) {
      @Override
      public boolean complete(dev.purista.core.queue.spi.LeasedJob job) {
        if (completeCalls.incrementAndGet() == 1) {
          throw new IllegalStateException("server away");
        }
        return super.complete(job);
      }

      @Override
      public boolean extend(dev.purista.core.queue.spi.LeasedJob job, Duration visibilityTimeout) {
        if (extendCalls.incrementAndGet() == 1) {
          throw new IllegalStateException("server away");
        }
        return super.extend(job, visibilityTimeout);
      }
    };
    QueueDefinition<Mail> queue = mails().visibilityTimeout(Duration.ofMillis(600)).build();
    List<String> runs = new CopyOnWriteArrayList<>();
    app = Application.builder(new DefaultEventBridge()).queueBridge(flaky).gracePeriod(Duration.ofSeconds(5))
        .service(mailer(QueueWorkerDefinition.builder("send", queue).pollWait(Duration.ofMillis(100))
            .handler((ctx, mail) -> {
              runs.add(mail.to() + ":" + ctx.attempt());
              if (mail.to().equals("slow")) {
                Thread.sleep(1_500); // longer than the visibility timeout: only later heartbeats keep the lease
              }
            }).build()))
        .build().start();

    String first = enqueueRaw("mails", "{\"to\":\"first\",\"priority\":1}");
    await(() -> queues.state("mails", first).orElse(null) == JobState.COMPLETED, "completed on its second lease");
    String slow = enqueueRaw("mails", "{\"to\":\"slow\",\"priority\":1}");
    await(() -> queues.state("mails", slow).orElse(null) == JobState.COMPLETED, "the slow job completed");

    assertEquals(List.of("first:1", "first:2", "slow:1"), runs,
        "the failed completion ran the job again once its lease ran out; the failed heartbeat was not the last");
  }

  private String enqueueRaw(String queue, String json) {
    return queues.enqueue(queue, new NewJob(json.getBytes(StandardCharsets.UTF_8), null, null, "trace-raw"))
        .jobId();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void enqueueOptionsDelayAJobAndAKeyMakesOneJob() throws Exception {
    QueueDefinition<Mail> queue = mails().idempotencyKeys().delayedJobs().build();
    List<Long> startedAt = new CopyOnWriteArrayList<>();
    ServiceDefinition shop = ServiceDefinition.builder("shop", "1").queue(queue)
        .command(CommandDefinition.builder("order", Mail.class, Void.class, String.class)
            .handler((ctx, mail, ignored) -> ctx.queues().enqueue("mails", mail,
                EnqueueOptions.after(Duration.ofMillis(400)).withIdempotencyKey("order-" + mail.to()))).build())
        .build();
    start(shop, mailer(QueueWorkerDefinition.builder("send", queue)
        .handler((ctx, mail) -> startedAt.add(System.nanoTime())).build()));
    PuristaClient client = app.client("test");
    long enqueuedAt = System.nanoTime();

    String first = client.invoke(MessageAddress.of("shop", "1", "order"), new Mail("k", 1), null, String.class);
    String again = client.invoke(MessageAddress.of("shop", "1", "order"), new Mail("k", 1), null, String.class);

    assertEquals(first, again);
    await(() -> startedAt.size() == 1, "the one job ran");
    assertTrue(TimeUnit.NANOSECONDS.toMillis(startedAt.get(0) - enqueuedAt) >= 390, "not before its delay");
    Thread.sleep(300);
    assertEquals(1, startedAt.size());
  }

  /** A queue bridge that honours all but some capabilities, for the start check. */
  private static final class QueueBridgeWithout extends ForwardingQueueBridge {
    private final EnumSet<QueueCapability> offered;

    QueueBridgeWithout(QueueBridge bridge, QueueCapability missing) {
      super(bridge);
      offered = EnumSet.copyOf(bridge.capabilities());
      offered.remove(missing);
    }

    @Override
    public java.util.Set<QueueCapability> capabilities() {
      return offered;
    }
  }
}
