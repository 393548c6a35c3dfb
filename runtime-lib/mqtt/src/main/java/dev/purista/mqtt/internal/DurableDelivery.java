package dev.purista.mqtt.internal;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.purista.core.message.Message;
import dev.purista.core.spi.SubscriptionEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one message of a durable subscription, at least once: the MQTT acknowledgement (PUBACK) goes to the
 * broker only after the handler succeeded. MQTT has no negative acknowledgement, and the broker resends an
 * unacknowledged message only when the session reconnects, so a failed attempt is retried here, after
 * {@code retryDelay}, up to {@code maxRetries} times; then the message goes to the dead-letter topic and is
 * acknowledged. A retry never runs on the client's I/O thread.
 *
 * <p>When the subscription closes while a message waits for a retry, the message is left unacknowledged instead of
 * dead-lettered: the handler's service is going away, which says nothing about the message, and the broker gives
 * it to the session again when it resumes.
 */
final class DurableDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(DurableDelivery.class);

  /** The settings and helpers that all deliveries of one subscription share. */
  record Rules(String subscription, int maxRetries, Duration retryDelay, ScheduledExecutorService scheduler,
      DeadLetters deadLetters, InFlight inFlight, BooleanSupplier closed) {
  }

  private final Rules rules;
  private final Message message;
  private final Mqtt5Publish publish;
  private final AtomicInteger unfinished;
  private final AtomicBoolean acknowledge = new AtomicBoolean(true);

  private DurableDelivery(Rules rules, Message message, Mqtt5Publish publish, int targets) {
    this.rules = rules;
    this.message = message;
    this.publish = publish;
    this.unfinished = new AtomicInteger(targets);
  }

  /** Delivers {@code message} to each of {@code targets}; acknowledges once every one is done with it. */
  static void start(Rules rules, Message message, Mqtt5Publish publish, List<SubscriptionEndpoint> targets) {
    rules.inFlight().enter();
    DurableDelivery delivery = new DurableDelivery(rules, message, publish, targets.size());
    for (SubscriptionEndpoint target : targets) {
      delivery.attempt(target, 1);
    }
  }

  private void attempt(SubscriptionEndpoint target, int attempt) {
    CompletableFuture<Void> handled;
    try {
      handled = target.deliver(message);
    } catch (RuntimeException e) {
      handled = CompletableFuture.failedFuture(e);
    }
    handled.whenComplete((ok, failure) -> {
      if (failure == null) {
        finished(true);
      } else if (rules.closed().getAsBoolean()) {
        LOG.info("{} closed while message {} failed; left unacknowledged for redelivery",
            rules.subscription(), message.id());
        finished(false);
      } else if (attempt <= rules.maxRetries()) {
        LOG.debug("{} failed on message {} (attempt {}); retrying", rules.subscription(), message.id(),
            attempt);
        rules.scheduler().schedule(() -> attempt(target, attempt + 1), rules.retryDelay().toNanos(),
            TimeUnit.NANOSECONDS);
      } else {
        LOG.warn("{} failed on message {} {} times; dead-lettering it to {}: {}", rules.subscription(),
            message.id(), attempt, rules.deadLetters().topic(), describe(failure));
        // Only the error's type goes on the bus: its message may carry internals, which belong in the log.
        rules.deadLetters().send(publish, "handler failed " + attempt + " times: " + unwrap(failure).getClass()
                .getSimpleName(), attempt)
            .whenComplete((taken, ignored) -> finished(Boolean.TRUE.equals(taken)));
      }
    });
  }

  private void finished(boolean acknowledgeable) {
    if (!acknowledgeable) {
      acknowledge.set(false);
    }
    if (unfinished.decrementAndGet() > 0) {
      return;
    }
    try {
      if (acknowledge.get()) {
        publish.acknowledge();
      }
    } catch (IllegalStateException e) {
      LOG.debug("message {} was acknowledged already", message.id());
    } finally {
      rules.inFlight().exit();
    }
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  private static String describe(Throwable failure) {
    Throwable cause = unwrap(failure);
    String text = cause.getMessage();
    return cause.getClass().getSimpleName() + (text == null ? "" : ": " + text);
  }
}
