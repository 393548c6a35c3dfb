package dev.purista.core.queue.spi;

/**
 * A job a worker holds until its lease ends. {@code attempt} counts from 1 and includes leases that ran out (a
 * worker that died); {@code leaseId} tells this lease from a later one of the same job, so a worker whose lease
 * ran out cannot complete or retry the job another worker holds now. {@code otp} is the span context the job was
 * enqueued with ({@code null}: none, as for jobs stored before bridges kept it).
 */
public record LeasedJob(String queue, String jobId, byte[] payload, int attempt, String leaseId, String traceId,
    String otp) {
  /** A job without span context. */
  public LeasedJob(String queue, String jobId, byte[] payload, int attempt, String leaseId, String traceId) {
    this(queue, jobId, payload, attempt, leaseId, traceId, null);
  }
}
