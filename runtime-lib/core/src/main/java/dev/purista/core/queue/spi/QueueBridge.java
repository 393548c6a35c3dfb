package dev.purista.core.queue.spi;

import dev.purista.core.JobState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Where jobs wait and how workers take them: pull-based leases, independent of the event bridge, as in PURISTA.
 * A worker {@link #lease leases} a job for a visibility timeout, may {@link #extend} it while it works, and then
 * {@link #complete completes}, {@link #retry retries} or {@link #deadLetter dead-letters} it. A lease that runs out
 * makes the job available again, so a worker that dies loses no job. Policy (how often to retry, how long to wait)
 * is the worker runtime's; a bridge only keeps the jobs and their states.
 *
 * <p>Implementations: {@code DefaultQueueBridge} (in memory), {@code RedisQueueBridge} (purista-redis),
 * {@code NatsQueueBridge} (purista-nats); a module brings its own through a {@link QueueBridgeProvider}. All methods are thread-safe. The ones that take a
 * {@link LeasedJob} return {@code false} when that lease is no longer the job's current one.
 */
public interface QueueBridge extends AutoCloseable {
  /** Names the bridge in logs and health. */
  String name();

  /** What this bridge honours; a definition that needs more fails at start. */
  Set<QueueCapability> capabilities();

  default boolean isHealthy() {
    return true;
  }

  /**
   * Adds a job to {@code queue}. With an idempotency key seen before on this queue, returns the first job's id,
   * created {@code false}, and adds nothing.
   */
  Enqueued enqueue(String queue, NewJob job);

  /**
   * The next job of {@code queue} that is due, leased for {@code visibilityTimeout}; waits up to {@code wait} for
   * one, then returns empty.
   */
  Optional<LeasedJob> lease(String queue, Duration visibilityTimeout, Duration wait) throws InterruptedException;

  /** Moves the end of the lease to {@code visibilityTimeout} from now. */
  boolean extend(LeasedJob job, Duration visibilityTimeout);

  /** The job is done; it is kept as {@link JobState#COMPLETED}. */
  boolean complete(LeasedJob job);

  /** The attempt failed; the job runs again after {@code delay}, {@link JobState#FAILED} until then. */
  boolean retry(LeasedJob job, Duration delay, String reason);

  /** The job is given up on and kept with {@code reason} among the queue's dead letters. */
  boolean deadLetter(LeasedJob job, String reason);

  /** The state of job {@code jobId} of {@code queue}, empty when unknown (or forgotten after completion). */
  Optional<JobState> state(String queue, String jobId);

  /** Up to {@code limit} dead letters of {@code queue}, oldest first. */
  List<DeadLetter> deadLetters(String queue, int limit);

  /** Puts every dead letter of {@code queue} back as a pending job with its attempts reset; returns how many. */
  int redrive(String queue);

  /** Deletes every dead letter of {@code queue}; returns how many. */
  int purgeDeadLetters(String queue);

  /**
   * How many jobs of {@code queue} wait to be leased (due or delayed), for the queue depth metric; empty when this
   * bridge cannot tell cheaply. It must not block for long: it is read on the metric reader's thread.
   */
  default OptionalLong depth(String queue) {
    return OptionalLong.empty();
  }

  @Override
  default void close() {
  }
}
