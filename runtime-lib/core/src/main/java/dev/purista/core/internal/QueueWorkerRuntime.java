package dev.purista.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaError;
import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.telemetry.SpanNames;
import io.opentelemetry.api.trace.SpanKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One queue worker of a service instance: {@code concurrency} threads that each lease a job, run the handler on
 * the service's executor (so that draining on shutdown waits for it), keep the lease alive with a heartbeat while
 * it runs, and then complete, retry or dead-letter it.
 *
 * <p>The policy lives here, not in the queue bridge: a job whose payload does not bind or validate is
 * dead-lettered at once (retrying cannot fix it); a thrown exception retries it after the queue's backoff until its
 * attempts are used up; a job leased for more attempts than allowed (its earlier leases ran out, its workers died)
 * is dead-lettered without running again.
 */
final class QueueWorkerRuntime<J> {
  private static final Logger LOG = LoggerFactory.getLogger(QueueWorkerRuntime.class);

  private final QueueWorkerDefinition<J> worker;
  private final QueueDefinition<J> queue;
  private final ServiceResources resources;
  private final QueueBridge bridge;
  private final QueueClient queues;
  private final ScheduledExecutorService heartbeats;
  private final MessageAddress self;
  private final Logger handlerLogger;
  private final FunctionMetrics metrics;
  private final List<Thread> threads = new ArrayList<>();
  private final Object pauseLock = new Object();
  private volatile boolean running;
  private volatile boolean paused;

  QueueWorkerRuntime(QueueWorkerDefinition<J> worker, ServiceResources resources, QueueBridge bridge,
      QueueClient queues, ScheduledExecutorService heartbeats, MessageAddress self) {
    this.worker = worker;
    this.queue = worker.queue();
    this.resources = resources;
    this.bridge = bridge;
    this.queues = queues;
    this.heartbeats = heartbeats;
    this.self = self;
    this.handlerLogger = LoggerFactory.getLogger("purista." + self.serviceName() + ".v" + self.serviceVersion() + "."
        + worker.name());
    this.metrics = resources.telemetry().queueJobs(self.serviceName(), self.serviceVersion(), worker.name());
  }

  String name() {
    return worker.name();
  }

  synchronized void start() {
    running = true;
    for (int i = 0; i < worker.concurrency(); i++) {
      Thread thread = new Thread(this::leaseLoop, "purista-" + self.serviceName() + "-" + worker.name() + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Stops taking jobs; a job being worked goes on to its end. */
  void stopLeasing() {
    running = false;
    resume();
  }

  void pause() {
    paused = true;
  }

  void resume() {
    synchronized (pauseLock) {
      paused = false;
      pauseLock.notifyAll();
    }
  }

  boolean isPaused() {
    return paused;
  }

  /** Waits up to {@code grace} for the lease threads to end, then interrupts those still there. */
  void awaitStopped(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread thread : threads) {
      try {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (thread.isAlive()) {
        thread.interrupt();
      }
    }
  }

  private void leaseLoop() {
    while (running) {
      if (paused) {
        waitWhilePaused();
        continue;
      }
      Optional<LeasedJob> leased;
      try {
        leased = bridge.lease(queue.name(), queue.visibilityTimeout(), worker.pollWait());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("queue worker {}: leasing from queue {} failed: {}", worker.name(), queue.name(), e.getMessage());
        sleep(worker.pollWait());
        continue;
      }
      if (leased.isPresent()) {
        try {
          work(leased.get());
        } catch (RuntimeException e) {
          // The bridge failed to record the outcome (its server went away): the lease runs out and the job runs
          // again, and this thread goes on leasing.
          LOG.warn("queue worker {}: recording the outcome of job {} failed, it runs again when its lease runs "
              + "out: {}", worker.name(), leased.get().jobId(), e.getMessage());
        }
      }
    }
  }

  private void work(LeasedJob job) {
    if (job.attempt() > queue.maxAttempts()) {
      giveUp(job, "used up its " + queue.maxAttempts() + " attempts (its earlier leases ran out)");
      return;
    }
    J payload;
    try {
      JsonNode tree = SharedMapper.MAPPER.readTree(job.payload());
      payload = resources.binder().bindInput(tree, queue.jobType(), "job");
      resources.validation().checkInput(payload, "job");
    } catch (IOException | HandledError e) {
      giveUp(job, "malformed job: " + e.getMessage());
      return;
    }
    Message origin = Message.builder(MessageType.CUSTOM_MESSAGE).eventName("queueJob").traceId(job.traceId())
        .otp(job.otp()).sender(self.withInstanceId(resources.bridge().instanceId())).build();
    QueueJobRuntimeContext context = new QueueJobRuntimeContext(job, origin, handlerLogger, resources, bridge, queues,
        self);
    long beat = Math.max(50, queue.visibilityTimeout().toMillis() / 3);
    ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> extendQuietly(job), beat, beat,
        TimeUnit.MILLISECONDS);
    Throwable[] failure = new Throwable[1];
    CountDownLatch done = new CountDownLatch(1);
    try {
      resources.executor().execute(() -> {
        long start = metrics.start();
        // The job's otp, the span context it was enqueued in, is the parent: one trace from the request to the job.
        HandlerSpan span = HandlerSpan.start(resources.telemetry(), SpanNames.QUEUE_JOB, SpanKind.CONSUMER, origin,
            self);
        HandlerMdc mdc = HandlerMdc.open(self.serviceName(), "worker", worker.name(), origin, span.span());
        MDC.put("jobId", job.jobId());
        try {
          worker.handler().handle(context, payload);
          metrics.record(start, null);
        } catch (PuristaError e) {
          failure[0] = e;
          span.failed(e);
          metrics.record(start, e);
        } catch (Throwable e) {
          failure[0] = e;
          span.failed(e);
          metrics.recordFailure(start);
        } finally {
          MDC.remove("jobId");
          mdc.close();
          span.end();
          done.countDown();
        }
      });
      done.await();
    } catch (RejectedExecutionException e) {
      failure[0] = e;
    } catch (InterruptedException e) {
      // Stopping past the grace period: the lease runs out and another worker takes the job.
      Thread.currentThread().interrupt();
      heartbeat.cancel(false);
      return;
    } finally {
      heartbeat.cancel(false);
    }
    finish(job, context.outcome(), failure[0]);
  }

  /** A failed heartbeat must not end the heartbeats (a scheduled task that throws is never run again). */
  private void extendQuietly(LeasedJob job) {
    try {
      bridge.extend(job, queue.visibilityTimeout());
    } catch (RuntimeException e) {
      LOG.warn("queue worker {}: extending the lease of job {} failed, trying again at the next heartbeat: {}",
          worker.name(), job.jobId(), e.getMessage());
    }
  }

  private void finish(LeasedJob job, QueueJobRuntimeContext.Outcome outcome, Throwable failure) {
    boolean current;
    if (failure != null) {
      if (job.attempt() >= queue.maxAttempts()) {
        giveUp(job, "failed " + job.attempt() + " attempts; last: " + describe(failure));
        return;
      }
      Duration delay = queue.retryDelay(job.attempt());
      handlerLogger.warn("job {} failed attempt {} of {}, retrying in {} ms: {}", job.jobId(), job.attempt(),
          queue.maxAttempts(), delay.toMillis(), describe(failure));
      current = bridge.retry(job, delay, describe(failure));
    } else if (outcome instanceof QueueJobRuntimeContext.Retry retry) {
      current = job.attempt() >= queue.maxAttempts()
          ? bridge.deadLetter(job, "retry asked after the last of " + queue.maxAttempts() + " attempts: "
              + retry.reason())
          : bridge.retry(job, retry.delay(), retry.reason());
    } else if (outcome instanceof QueueJobRuntimeContext.DeadLetter dead) {
      current = bridge.deadLetter(job, dead.reason());
    } else {
      current = bridge.complete(job);
    }
    if (!current) {
      LOG.warn("queue worker {}: the lease of job {} ran out before it finished; another worker may run it again",
          worker.name(), job.jobId());
    }
  }

  private void giveUp(LeasedJob job, String reason) {
    LOG.warn("queue worker {}: job {} of queue {} goes to the dead letters: {}", worker.name(), job.jobId(),
        queue.name(), reason);
    bridge.deadLetter(job, reason);
  }

  private static String describe(Throwable failure) {
    return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }

  private void waitWhilePaused() {
    synchronized (pauseLock) {
      while (paused && running) {
        try {
          pauseLock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
