package dev.purista.nats;

import dev.purista.core.spi.support.InFlight;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import io.nats.client.MessageHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a durable subscription's events from its JetStream consumer: at least once.
 *
 * <ul>
 *   <li>The event is acknowledged only after the handler succeeded. A handler that fails gets the event again
 *       after the retry delay; so does a process that dies before it answered, after the ack wait.</li>
 *   <li>After {@code maxDeliveries} failed attempts the event goes to the dead-letter stream and is
 *       terminated, so that one poisonous event cannot hold the subscription up for ever.</li>
 *   <li>A malformed message is dead-lettered at once: no retry can make it readable.</li>
 *   <li>An event that the stream's subject filter let through but the subscription's full filter does not
 *       match is acknowledged without delivery.</li>
 * </ul>
 *
 * <p>Nothing here blocks the dispatcher thread: the outcome is sent from whichever thread completes the
 * handler's future.
 */
final class DurableSubscriptionConsumer implements MessageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DurableSubscriptionConsumer.class);

  private final SubscriptionSpec spec;
  private final SubscriptionEndpoint endpoint;
  private final MessageCodec codec;
  private final DeadLetters deadLetters;
  private final InFlight inFlight;
  private final int maxDeliveries;
  private final Duration retryDelay;

  DurableSubscriptionConsumer(SubscriptionSpec spec, SubscriptionEndpoint endpoint, MessageCodec codec,
      DeadLetters deadLetters, InFlight inFlight, int maxDeliveries, Duration retryDelay) {
    this.spec = spec;
    this.endpoint = endpoint;
    this.codec = codec;
    this.deadLetters = deadLetters;
    this.inFlight = inFlight;
    this.maxDeliveries = maxDeliveries;
    this.retryDelay = retryDelay;
  }

  @Override
  public void onMessage(io.nats.client.Message delivery) {
    if (!delivery.isJetStream()) {
      return;
    }
    long attempt = delivery.metaData().deliveredCount();
    inFlight.begin();
    Message message;
    try {
      message = codec.decode(delivery.getData());
    } catch (MalformedMessageException e) {
      LOG.warn("malformed message for durable subscription {} (subject {}) goes to the dead-letter stream: {}",
          spec.address().describe(), delivery.getSubject(), e.getMessage());
      deadLetter(delivery, attempt, "malformed message: " + e.getMessage());
      return;
    }
    if (!spec.filter().matches(message)) {
      delivery.ack();
      inFlight.end();
      return;
    }
    if (attempt > maxDeliveries) {
      LOG.warn("durable subscription {} never finished message {} in {} deliveries; it goes to the dead-letter "
          + "stream", spec.address().describe(), message.id(), maxDeliveries);
      deadLetter(delivery, attempt, "no outcome after " + maxDeliveries + " deliveries (handler did not answer "
          + "within the ack wait)");
      return;
    }
    CompletableFuture<Void> handled;
    try {
      handled = endpoint.deliver(message);
    } catch (RuntimeException e) {
      handled = CompletableFuture.failedFuture(e);
    }
    handled.whenComplete((ok, failure) -> {
      if (failure == null) {
        delivery.ack();
        inFlight.end();
      } else if (attempt >= maxDeliveries) {
        LOG.warn("durable subscription {} failed {} times on message {}; it goes to the dead-letter stream",
            spec.address().describe(), attempt, message.id());
        deadLetter(delivery, attempt, reason(failure));
      } else {
        LOG.debug("durable subscription {} failed on message {} (attempt {} of {}); redelivery in {} ms",
            spec.address().describe(), message.id(), attempt, maxDeliveries, retryDelay.toMillis());
        delivery.nakWithDelay(retryDelay);
        inFlight.end();
      }
    });
  }

  /** Publishes to the dead-letter stream, then terminates the delivery; if that fails, the event stays. */
  private void deadLetter(io.nats.client.Message delivery, long attempt, String reason) {
    deadLetters.publish(spec.address(), delivery, attempt, reason).whenComplete((ok, failure) -> {
      try {
        if (failure == null) {
          delivery.term();
        } else {
          LOG.error("could not dead-letter a message of subscription {}; it will be delivered again: {}",
              spec.address().describe(), failure.toString());
          delivery.nakWithDelay(retryDelay);
        }
      } finally {
        inFlight.end();
      }
    });
  }

  private static String reason(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
