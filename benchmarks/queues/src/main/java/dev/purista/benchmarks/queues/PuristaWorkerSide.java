package dev.purista.benchmarks.queues;

import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.queue.spi.QueueBridge;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jobs through the worker runtime: an application whose one service has a queue worker of the given concurrency on
 * the given bridge, and a trivial handler. Each round starts a fresh application (not timed), enqueues through the
 * bridge one job at a time while the workers lease, and ends when the bridge completed the round's last job.
 */
final class PuristaWorkerSide implements ThroughputSide {
  private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(5);

  /** The job; the handler reads its number, which is all the work there is. */
  record Job(int n) {
  }

  private final String name;
  private final QueueBridge bridge;
  private final CompletionCounter counter;
  private final QueueWorkerDefinition<Job> worker;
  private final AtomicLong handled = new AtomicLong();

  PuristaWorkerSide(String name, QueueBridge bridge, int concurrency) {
    this.name = name;
    this.bridge = bridge;
    this.counter = new CompletionCounter(bridge);
    QueueDefinition<Job> queue = QueueDefinition.builder("jobs-c" + concurrency, Job.class).build();
    this.worker = QueueWorkerDefinition.builder("work", queue).concurrency(concurrency)
        .handler((context, job) -> handled.addAndGet(job.n())).build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long round(int jobs) throws Exception {
    String queue = worker.queue().name();
    Application app = Application.builder(new DefaultEventBridge()).queueBridge(counter)
        .gracePeriod(Duration.ofSeconds(10))
        .service(ServiceDefinition.builder("bench", "1").queueWorker(worker).build()).build().start();
    try {
      CountDownLatch done = counter.expect(jobs);
      long start = System.nanoTime();
      for (int n = 0; n < jobs; n++) {
        bridge.enqueue(queue, new NewJob(("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8), null, null, "benchmark"));
      }
      if (!done.await(ROUND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + ": only " + counter.completed() + " jobs completed in "
            + ROUND_TIMEOUT);
      }
      long elapsed = System.nanoTime() - start;
      if (counter.failed() > 0) {
        throw new IllegalStateException(name + ": " + counter.failed() + " jobs failed; the numbers mean nothing");
      }
      return elapsed;
    } finally {
      app.stop();
    }
  }

  @Override
  public void finish() {
    // The bridge is shared by the sides of one backend and closed by whoever opened it.
  }
}
