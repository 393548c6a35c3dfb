package dev.purista.core.queue.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A job to enqueue: its payload as JSON, the earliest time it may run ({@code null}: now), its idempotency key
 * ({@code null}: none), the business trace id it carries on to its handler ({@code null}: none) and the span
 * context of the code that enqueued it as {@code otp} text ({@code null}: none), the parent of the worker's
 * {@code purista.queue.job} span.
 */
public record NewJob(byte[] payload, Instant notBefore, String idempotencyKey, String traceId, String otp) {
  /** Checks the payload is there. */
  public NewJob {
    Objects.requireNonNull(payload, "payload == null");
  }

  /** A job without span context: its worker's span starts a trace of its own. */
  public NewJob(byte[] payload, Instant notBefore, String idempotencyKey, String traceId) {
    this(payload, notBefore, idempotencyKey, traceId, null);
  }
}
