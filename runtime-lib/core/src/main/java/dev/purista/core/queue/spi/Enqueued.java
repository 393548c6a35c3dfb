package dev.purista.core.queue.spi;

/** The answer to an enqueue: the job's id, and whether this call created it (false for a repeated key). */
public record Enqueued(String jobId, boolean created) {
}
