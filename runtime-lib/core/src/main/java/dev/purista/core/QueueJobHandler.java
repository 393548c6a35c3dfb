package dev.purista.core;

/**
 * Works one job. Returning completes it. Throwing fails the attempt: the job is retried after the queue's backoff,
 * and dead-lettered once its attempts are used up. {@link QueueJobContext#retryAfter} and
 * {@link QueueJobContext#moveToDeadLetter} choose the outcome explicitly.
 *
 * @param <J> the job payload type
 */
@FunctionalInterface
public interface QueueJobHandler<J> {
  void handle(QueueJobContext context, J job) throws Exception;
}
