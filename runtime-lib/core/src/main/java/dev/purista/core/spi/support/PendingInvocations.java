package dev.purista.core.spi.support;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import dev.purista.core.message.Message;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The calls a bridge has sent and not yet seen answered, keyed by correlation id, each with its deadline. Every
 * bridge that correlates responses itself uses this one table, so that the rule "a call ends in its response or
 * in a timeout error at its deadline, never in a hang" is written once.
 *
 * <p>A response for an unknown correlation id (late, after its timeout, or meant for another process) is
 * reported by {@link #complete} returning {@code false}; the bridge logs and drops it.
 */
public final class PendingInvocations implements AutoCloseable {
  private final Map<String, CompletableFuture<Message>> calls = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor timer;

  /** @param bridgeName used in the timer thread's name */
  public PendingInvocations(String bridgeName) {
    timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "purista-" + bridgeName + "-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
  }

  /**
   * Records {@code command} as sent; the returned future completes with its response, or fails with a
   * {@code TIMEOUT} error at the deadline. Register before publishing, so a fast response cannot arrive first.
   */
  public CompletableFuture<Message> register(Message command, Duration timeout) {
    String correlationId = command.correlationId();
    CompletableFuture<Message> call = new CompletableFuture<>();
    if (calls.putIfAbsent(correlationId, call) != null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "a call with correlation id " + correlationId + " is already pending"));
    }
    ScheduledFuture<?> deadline = timer.schedule(
        () -> call.completeExceptionally(HandledError.timeout(command.receiver(), timeout)),
        timeout.toNanos(), TimeUnit.NANOSECONDS);
    call.whenComplete((response, failure) -> {
      deadline.cancel(false);
      calls.remove(correlationId, call);
    });
    return call;
  }

  /** Completes the call that {@code response} answers; {@code false} when no such call is pending. */
  public boolean complete(Message response) {
    CompletableFuture<Message> call = response.correlationId() == null ? null : calls.get(response.correlationId());
    return call != null && call.complete(response);
  }

  /** Fails one pending call, for example when its command could not be published. */
  public void fail(String correlationId, Throwable failure) {
    CompletableFuture<Message> call = calls.get(correlationId);
    if (call != null) {
      call.completeExceptionally(failure);
    }
  }

  /** Fails every pending call; used when the bridge stops. */
  public void failAll(String reason) {
    for (CompletableFuture<Message> call : calls.values()) {
      call.completeExceptionally(new HandledError(StatusCode.SERVICE_UNAVAILABLE, reason, null,
          FailureReason.BRIDGE_FAILURE));
    }
  }

  public int size() {
    return calls.size();
  }

  @Override
  public void close() {
    failAll("The event bridge stopped before the command answered");
    timer.shutdownNow();
  }
}
