package dev.purista.core.spi.support;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The calls a bridge has sent and not yet seen answered, keyed by correlation id, each with its deadline. Every
 * bridge that correlates responses itself uses this one table, so that the rule "a call ends in its response or
 * in a timeout error at its deadline, never in a hang" is written once.
 *
 * <p>Deadlines are enforced by one sweep every {@link #SWEEP_INTERVAL}, not by a timer task per call: a timer
 * task per call wakes the timer thread on every call (each new deadline becomes the earliest one), which cost a
 * fifth of a broker round trip. A timeout therefore fires up to one interval after its deadline. The sweep rests
 * once no call has been pending for {@link #REST_AFTER}, so that an idle process (a device on a battery) is not
 * woken a hundred times a second; the next call starts it again, which costs one wake-up per quiet spell, not one
 * per call.
 *
 * <p>A response for an unknown correlation id (late, after its timeout, or meant for another process) is
 * reported by {@link #complete} returning {@code false}; the bridge logs and drops it.
 */
public final class PendingInvocations implements AutoCloseable {
  /** How often expired calls are failed; also the most a timeout can be late. */
  public static final Duration SWEEP_INTERVAL = Duration.ofMillis(10);
  /** How long the sweep goes on with no call pending before it rests until the next call. */
  public static final Duration REST_AFTER = Duration.ofSeconds(1);
  private static final String STOPPED = "The event bridge stopped before the command answered";

  private final Map<String, Pending> calls = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper;
  private final long idleSweepsBeforeRest;
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private volatile boolean closed;
  /** Sweeps in a row that found nothing pending; only the sweeper thread touches it. */
  private long idleSweeps;

  /** @param bridgeName used in the sweeper thread's name */
  public PendingInvocations(String bridgeName) {
    this(bridgeName, REST_AFTER);
  }

  PendingInvocations(String bridgeName, Duration restAfter) {
    sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "purista-" + bridgeName + "-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    idleSweepsBeforeRest = Math.max(1, restAfter.toNanos() / SWEEP_INTERVAL.toNanos());
  }

  /**
   * Records {@code command} as sent; the returned future completes with its response, or fails with a
   * {@code TIMEOUT} error at the deadline. Register before publishing, so a fast response cannot arrive first.
   */
  public CompletableFuture<Message> register(Message command, Duration timeout) {
    String correlationId = command.correlationId();
    Pending pending = new Pending(new CompletableFuture<>(), System.nanoTime() + timeout.toNanos(),
        command.receiver(), timeout);
    if (calls.putIfAbsent(correlationId, pending) != null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "a call with correlation id " + correlationId + " is already pending"));
    }
    pending.call.whenComplete((response, failure) -> calls.remove(correlationId, pending));
    if (closed) {
      // close() may have failed the table before this call was in it; nothing would sweep it now.
      pending.call.completeExceptionally(stopped(STOPPED));
    } else {
      startSweepingIfResting();
    }
    return pending.call;
  }

  /** Completes the call that {@code response} answers; {@code false} when no such call is pending. */
  public boolean complete(Message response) {
    Pending pending = response.correlationId() == null ? null : calls.get(response.correlationId());
    return pending != null && pending.call.complete(response);
  }

  /** Fails one pending call, for example when its command could not be published. */
  public void fail(String correlationId, Throwable failure) {
    Pending pending = calls.get(correlationId);
    if (pending != null) {
      pending.call.completeExceptionally(failure);
    }
  }

  /** Fails every pending call; used when the bridge stops. */
  public void failAll(String reason) {
    for (Pending pending : calls.values()) {
      pending.call.completeExceptionally(stopped(reason));
    }
  }

  private static HandledError stopped(String reason) {
    return new HandledError(StatusCode.SERVICE_UNAVAILABLE, reason, null, FailureReason.BRIDGE_FAILURE);
  }

  public int size() {
    return calls.size();
  }

  /** Whether the deadline sweep runs; it rests after {@link #REST_AFTER} with nothing pending. */
  public boolean isSweeping() {
    return sweeping.get();
  }

  private void startSweepingIfResting() {
    if (!sweeping.get() && sweeping.compareAndSet(false, true)) {
      scheduleSweep();
    }
  }

  private void scheduleSweep() {
    try {
      sweeper.schedule(this::sweep, SWEEP_INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopped) {
      // Closed: close() has failed every pending call, and nothing is left to time out.
    }
  }

  private void sweep() {
    failExpired();
    if (!calls.isEmpty()) {
      idleSweeps = 0;
    } else if (++idleSweeps >= idleSweepsBeforeRest) {
      idleSweeps = 0;
      sweeping.set(false);
      // A call registered between the emptiness check and the line above saw the sweep running and did not start
      // it; it must not be left without a deadline.
      if (calls.isEmpty() || !sweeping.compareAndSet(false, true)) {
        return;
      }
    }
    scheduleSweep();
  }

  private void failExpired() {
    long now = System.nanoTime();
    for (Pending pending : calls.values()) {
      if (now - pending.deadline >= 0) {
        pending.call.completeExceptionally(HandledError.timeout(pending.receiver, pending.timeout));
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    failAll(STOPPED);
    sweeper.shutdownNow();
  }

  private record Pending(CompletableFuture<Message> call, long deadline, MessageAddress receiver,
      Duration timeout) {
  }
}
