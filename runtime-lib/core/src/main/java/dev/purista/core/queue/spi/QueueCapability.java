package dev.purista.core.queue.spi;

/**
 * What a queue bridge can honour. A queue definition that needs a capability the configured bridge lacks fails
 * when its service starts, not when the first job would silently be mishandled.
 */
public enum QueueCapability {
  /** Jobs enqueued with a delay or a start time are not leased before it. */
  DELAYED_DELIVERY,
  /** A second enqueue with the same idempotency key returns the first job's id and creates nothing. */
  IDEMPOTENCY_ENFORCEMENT,
  /** A lease can be extended while the job runs (heartbeat). */
  LEASE_EXTENSION,
  /** Dead letters can be listed. */
  DEAD_LETTER_INSPECT,
  /** Dead letters can be put back into the queue. */
  DEAD_LETTER_REDRIVE,
  /** Dead letters can be deleted. */
  DEAD_LETTER_PURGE,
  /** A job's state can be looked up by its id. */
  JOB_STATE
}
