package dev.purista.core.queue.spi;

import java.time.Instant;

/** A job that was given up on: its payload, how often it ran, why and when it was dead-lettered. */
public record DeadLetter(String jobId, byte[] payload, int attempts, String reason, Instant at) {
}
