package dev.purista.mixed;

import dev.purista.core.queue.EnvironmentQueues;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.queue.spi.QueueBridge;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A queue module's part: the queue bridge the environment selects by {@code kind} (found through its provider, as
 * a bootstrap finds it) enqueues a job and another instance of it leases and completes it.
 */
final class QueueParticipant implements Participant {
  private final String kind;
  private final Map<String, String> environment;

  QueueParticipant(String kind, Map<String, String> environment) {
    this.kind = kind;
    this.environment = environment;
  }

  @Override
  public String name() {
    return kind + " queue bridge";
  }

  @Override
  public void roundTrip() {
    EnvironmentQueues queues = EnvironmentQueues.from(name -> name.equals("PURISTA_QUEUE_BRIDGE") ? kind
        : environment.getOrDefault(name, System.getenv(name)));
    String queue = "mixed-classpath-" + System.nanoTime();
    try (QueueBridge producer = queues.queueBridge(); QueueBridge worker = queues.queueBridge()) {
      String jobId = producer.enqueue(queue, new NewJob(("\"" + kind + "\"").getBytes(StandardCharsets.UTF_8), null,
          null, null)).jobId();
      LeasedJob leased = worker.lease(queue, Duration.ofSeconds(30), Duration.ofSeconds(10))
          .orElseThrow(() -> new AssertionError(kind + ": no job leased"));
      if (!leased.jobId().equals(jobId) || !worker.complete(leased)) {
        throw new AssertionError(kind + ": leased " + leased.jobId() + " instead of " + jobId);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(kind + ": interrupted", e);
    }
  }
}
