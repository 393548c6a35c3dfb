package dev.purista.benchmarks.queues;

import dev.purista.benchmarks.common.LatencyRecorder;
import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.queue.memory.DefaultQueueBridge;
import dev.purista.core.queue.spi.NewJob;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * In-memory enqueue-to-start latency: one job at a time through the worker runtime on {@code DefaultQueueBridge},
 * timed from just before {@code enqueue} until its handler starts. The next job is enqueued only after the handler
 * of the last one ran, so the queue is empty each time and the figure is the path, not queueing behind other jobs.
 *
 * <pre>
 * mvn -q -pl benchmarks/queues exec:java -Dexec.mainClass=dev.purista.benchmarks.queues.QueueLatencyBenchmark
 * mvn -q -pl benchmarks/queues exec:java -Dexec.mainClass=dev.purista.benchmarks.queues.QueueLatencyBenchmark \
 *     -Dbench.jobs=50000 -Dbench.warmupJobs=5000
 * </pre>
 */
public final class QueueLatencyBenchmark {
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(10);

  private QueueLatencyBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int jobs = Integer.getInteger("bench.jobs", 20_000);
    int warmupJobs = Integer.getInteger("bench.warmupJobs", 2_000);
    DefaultQueueBridge queues = new DefaultQueueBridge();
    Semaphore started = new Semaphore(0);
    long[] enqueuedAt = new long[1];
    LatencyRecorder[] into = {new LatencyRecorder()};
    QueueDefinition<PuristaWorkerSide.Job> queue = QueueDefinition.builder("latency", PuristaWorkerSide.Job.class)
        .build();
    // The handler reads what the enqueuing thread wrote before enqueue; the bridge hands the job over through a
    // lock, which makes those writes visible here.
    QueueWorkerDefinition<PuristaWorkerSide.Job> worker = QueueWorkerDefinition.builder("work", queue)
        .handler((context, job) -> {
          into[0].record(System.nanoTime() - enqueuedAt[0]);
          started.release();
        }).build();
    Application app = Application.builder(new DefaultEventBridge()).queueBridge(queues)
        .service(ServiceDefinition.builder("bench", "1").queueWorker(worker).build()).build().start();
    try {
      System.out.printf(Locale.ROOT, "DefaultQueueBridge, worker concurrency 1; %d warm-up + %d measured jobs, one "
          + "at a time; Java %s; %d processors%n", warmupJobs, jobs, System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors());
      LatencyRecorder warmup = into[0];
      run(queues, queue.name(), warmupJobs, enqueuedAt, started);
      LatencyRecorder measured = new LatencyRecorder();
      into[0] = measured;
      long start = System.nanoTime();
      run(queues, queue.name(), jobs, enqueuedAt, started);
      measured.addElapsed(System.nanoTime() - start);
      if (warmup.count() != warmupJobs || measured.count() != jobs) {
        throw new IllegalStateException("recorded " + warmup.count() + " + " + measured.count() + " starts for "
            + warmupJobs + " + " + jobs + " jobs");
      }
      System.out.println();
      System.out.println("| jobs | p50 (µs) | p99 (µs) | max (µs) | jobs/s one at a time |");
      System.out.println("|---:|---:|---:|---:|---:|");
      System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.0f |%n", measured.count(),
          measured.percentileMicros(50), measured.percentileMicros(99), measured.maxMicros(),
          measured.callsPerSecond());
    } finally {
      app.stop();
    }
  }

  private static void run(DefaultQueueBridge queues, String queue, int jobs, long[] enqueuedAt, Semaphore started)
      throws InterruptedException {
    for (int n = 0; n < jobs; n++) {
      byte[] payload = ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
      enqueuedAt[0] = System.nanoTime();
      queues.enqueue(queue, new NewJob(payload, null, null, "benchmark"));
      if (!started.tryAcquire(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("job " + n + " did not start within " + JOB_TIMEOUT);
      }
    }
  }
}
