package dev.purista.core.queue.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A job to enqueue: its payload as JSON, the earliest time it may run ({@code null}: now), its idempotency key
 * ({@code null}: none) and the trace id it carries on to its handler ({@code null}: none).
 */
public record NewJob(byte[] payload, Instant notBefore, String idempotencyKey, String traceId) {
  /** Checks the payload is there. */
  public NewJob {
    Objects.requireNonNull(payload, "payload == null");
  }
}
