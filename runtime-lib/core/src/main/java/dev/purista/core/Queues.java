package dev.purista.core;

import java.util.Optional;

/**
 * Enqueues jobs on the queues a service declares ({@link ServiceDefinition.Builder#queue}); a job is bound to
 * the queue's job type and validated before it is enqueued, so a worker never sees a job its own type rejects.
 */
public interface Queues {
  /** Enqueues {@code job} to run now; returns its id. */
  default String enqueue(String queue, Object job) {
    return enqueue(queue, job, EnqueueOptions.now());
  }

  /**
   * Enqueues {@code job} with {@code options} (a delay, a start time, an idempotency key); returns its id, which
   * for a repeated idempotency key is the first job's.
   */
  String enqueue(String queue, Object job, EnqueueOptions options);

  /** The state of job {@code jobId} of {@code queue}; empty when unknown or forgotten. */
  Optional<JobState> state(String queue, String jobId);
}
