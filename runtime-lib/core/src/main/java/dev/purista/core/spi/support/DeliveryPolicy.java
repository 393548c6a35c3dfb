package dev.purista.core.spi.support;

import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a subscription does with each message a broker delivers, the same on every bridge: decode, filter, deliver,
 * then acknowledge, retry or dead-letter. The broker's part is a {@link BrokerDelivery}.
 *
 * <p>A durable subscription is at least once:
 * <ul>
 *   <li>bytes that are not an envelope are dead-lettered at once: no retry makes them readable;</li>
 *   <li>an envelope the subscription's filter does not match is acknowledged without delivery (a broker route is
 *       coarser than a filter);</li>
 *   <li>the message is acknowledged after its handler succeeded;</li>
 *   <li>a {@link #isPermanent permanent} failure, a payload that can never be bound or validated, is dead-lettered
 *       at once, with its reason: delivering it again would fail the same way;</li>
 *   <li>any other failure is retried after {@code retryDelay}, and dead-lettered when the failed delivery was
 *       attempt {@code maxAttempts};</li>
 *   <li>a message that arrives for attempt {@code maxAttempts + 1} or later (its earlier deliveries never
 *       answered, as when a process died mid-way) is dead-lettered without another try;</li>
 *   <li>a failure after {@link #close()} is not held against the message: it is released to the broker.</li>
 * </ul>
 * A subscription that is not durable is at most once: whatever happens, the message is acknowledged, and a
 * failure or unreadable bytes are only logged.
 *
 * <p>Every log line names the envelope's id where there is one. A dead-letter reason names the failure's type
 * and message: a dead letter is read by operators, like the log, and not by callers.
 */
public final class DeliveryPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryPolicy.class);

  private final SubscriptionSpec spec;
  private final String name;
  private final int maxAttempts;
  private final Duration retryDelay;
  private final InFlight inFlight;
  private final BridgeMetrics metrics;
  private volatile boolean closed;

  /**
   * @param maxAttempts how many deliveries a message gets before a transient failure dead-letters it (at least 1)
   * @param inFlight counts each delivery from its arrival until the broker was told its outcome
   */
  public DeliveryPolicy(SubscriptionSpec spec, int maxAttempts, Duration retryDelay, InFlight inFlight) {
    this(spec, maxAttempts, retryDelay, inFlight, BridgeMetrics.of("unnamed"));
  }

  /** As above; {@code metrics} counts the redeliveries and dead letters it sees. */
  public DeliveryPolicy(SubscriptionSpec spec, int maxAttempts, Duration retryDelay, InFlight inFlight,
      BridgeMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics == null");
    this.spec = Objects.requireNonNull(spec, "spec == null");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    this.name = (spec.durable() ? "durable subscription " : "subscription ") + spec.address().describe();
    this.maxAttempts = maxAttempts;
    this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay == null");
    this.inFlight = Objects.requireNonNull(inFlight, "inFlight == null");
  }

  /** From now on, failures release their message instead of counting against it. */
  public void close() {
    closed = true;
  }

  /**
   * Handles one delivery; {@code endpoint} gets the message if it passes the filter. Returns at once: the
   * outcome is settled from whichever thread completes the endpoint's future.
   */
  public void accept(BrokerDelivery delivery, SubscriptionEndpoint endpoint) {
    inFlight.begin();
    Message message;
    try {
      message = delivery.decode();
    } catch (MalformedMessageException e) {
      if (spec.durable()) {
        LOG.warn("{}: a malformed message from {} goes to the dead letters: {}", name, delivery.source(),
            e.getMessage());
        settle(deadLetter(delivery, "malformed message: " + e.getMessage()));
      } else {
        LOG.warn("{}: dropped a malformed message from {}: {}", name, delivery.source(), e.getMessage());
        settle(delivery.ack());
      }
      return;
    }
    if (!spec.filter().matches(message)) {
      LOG.trace("{}: message {} is outside the filter", name, message.id());
      settle(delivery.ack());
      return;
    }
    int attempt = delivery.attempt();
    if (attempt > 1) {
      metrics.redelivered();
    }
    if (spec.durable() && attempt > maxAttempts) {
      String reason = "no outcome after " + maxAttempts + " deliveries";
      LOG.warn("{}: message {} from {} goes to the dead letters: {}", name, message.id(), delivery.source(), reason);
      settle(deadLetter(delivery, reason));
      return;
    }
    CompletableFuture<Void> handled;
    try {
      handled = Objects.requireNonNull(endpoint.deliver(message), "the endpoint returned no future");
    } catch (RuntimeException e) {
      handled = CompletableFuture.failedFuture(e);
    }
    handled.whenComplete((ok, failure) -> settle(outcome(delivery, message, attempt, failure)));
  }

  private CompletableFuture<Void> outcome(BrokerDelivery delivery, Message message, int attempt, Throwable failure) {
    if (failure == null) {
      return delivery.ack();
    }
    Throwable cause = unwrap(failure);
    if (!spec.durable()) {
      LOG.debug("{} failed on message {}; a subscription that is not durable does not redeliver ({})", name,
          message.id(), describe(cause));
      return delivery.ack();
    }
    if (closed) {
      LOG.info("{} closed while message {} failed; it is left to the broker to deliver again", name, message.id());
      return delivery.release();
    }
    if (isPermanent(cause)) {
      String reason = "permanent failure: " + describe(cause);
      LOG.warn("{}: message {} from {} goes to the dead letters at once: {}", name, message.id(), delivery.source(),
          reason);
      return deadLetter(delivery, reason);
    }
    if (attempt < maxAttempts) {
      LOG.debug("{} failed on message {} (attempt {} of {}); delivering it again in {} ms: {}", name, message.id(),
          attempt, maxAttempts, retryDelay.toMillis(), describe(cause));
      return delivery.retry(retryDelay);
    }
    String reason = "handler failed on " + attempt + " deliveries, last: " + describe(cause);
    LOG.warn("{}: message {} from {} goes to the dead letters: {}", name, message.id(), delivery.source(), reason);
    return deadLetter(delivery, reason);
  }

  private CompletableFuture<Void> deadLetter(BrokerDelivery delivery, String reason) {
    metrics.deadLettered();
    return delivery.deadLetter(reason);
  }

  private void settle(CompletableFuture<Void> settled) {
    settled.whenComplete((ok, failure) -> {
      if (failure != null) {
        LOG.error("{}: settling a message failed; the broker delivers it again", name, failure);
      }
      inFlight.end();
    });
  }

  /**
   * Whether delivering the message again cannot help: the payload could not be bound to the handler's type or
   * failed its validation, which the runtime reports as a {@link StatusCode#BAD_REQUEST} error, as it answers a
   * command. A handler that throws that error itself says the same about its input.
   */
  public static boolean isPermanent(Throwable failure) {
    return unwrap(failure) instanceof HandledError handled && handled.status() == StatusCode.BAD_REQUEST;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String describe(Throwable cause) {
    String text = cause.getMessage();
    return cause.getClass().getSimpleName() + (text == null ? "" : ": " + text);
  }
}
