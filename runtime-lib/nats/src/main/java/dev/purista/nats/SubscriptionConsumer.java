package dev.purista.nats;

import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.support.BrokerDelivery;
import dev.purista.core.spi.support.DeliveryPolicy;
import io.nats.client.MessageHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a subscription's messages to the shared {@link DeliveryPolicy}, which decides between acknowledging,
 * retrying and dead-lettering; this class says how NATS does each.
 *
 * <ul>
 *   <li>Durable: the messages come from a JetStream consumer, which counts the deliveries. A retry is a negative
 *       acknowledgement with the retry delay; a dead letter goes to the dead-letter stream, and the original is
 *       then terminated, or left for redelivery if the stream did not take the copy.</li>
 *   <li>Not durable: plain NATS, at most once; the server is never told what became of a message.</li>
 * </ul>
 *
 * <p>Nothing here blocks the dispatcher thread: the outcome is sent from whichever thread completes the
 * handler's future.
 */
final class SubscriptionConsumer implements MessageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionConsumer.class);
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final MessageAddress subscriber;
  private final SubscriptionEndpoint endpoint;
  private final MessageCodec codec;
  private final DeadLetters deadLetters;
  private final DeliveryPolicy policy;
  private final boolean streamed;

  /** @param deadLetters {@code null} for a subscription that reads plain NATS */
  SubscriptionConsumer(MessageAddress subscriber, SubscriptionEndpoint endpoint, MessageCodec codec,
      DeadLetters deadLetters, DeliveryPolicy policy) {
    this.subscriber = subscriber;
    this.endpoint = endpoint;
    this.codec = codec;
    this.deadLetters = deadLetters;
    this.policy = policy;
    this.streamed = deadLetters != null;
  }

  @Override
  public void onMessage(io.nats.client.Message delivery) {
    if (streamed && !delivery.isJetStream()) {
      // A status message of the push consumer (flow control, heartbeat); the client answers those itself.
      return;
    }
    policy.accept(streamed ? new StreamDelivery(delivery) : new PlainDelivery(delivery), endpoint);
  }

  /** A message of plain NATS: read once, never settled. */
  private class PlainDelivery implements BrokerDelivery {
    final io.nats.client.Message delivery;

    PlainDelivery(io.nats.client.Message delivery) {
      this.delivery = delivery;
    }

    @Override
    public Message decode() throws MalformedMessageException {
      return codec.decode(delivery.getData());
    }

    @Override
    public int attempt() {
      return 1;
    }

    @Override
    public String source() {
      return "subject " + delivery.getSubject();
    }

    @Override
    public CompletableFuture<Void> ack() {
      return DONE;
    }

    @Override
    public CompletableFuture<Void> retry(Duration delay) {
      return DONE;
    }

    @Override
    public CompletableFuture<Void> deadLetter(String reason) {
      return DONE;
    }

    @Override
    public CompletableFuture<Void> release() {
      return DONE;
    }
  }

  /** A message of a JetStream consumer, which counts its deliveries and waits for its acknowledgement. */
  private final class StreamDelivery extends PlainDelivery {
    StreamDelivery(io.nats.client.Message delivery) {
      super(delivery);
    }

    @Override
    public int attempt() {
      return Math.toIntExact(Math.min(Integer.MAX_VALUE, delivery.metaData().deliveredCount()));
    }

    @Override
    public CompletableFuture<Void> ack() {
      delivery.ack();
      return DONE;
    }

    @Override
    public CompletableFuture<Void> retry(Duration delay) {
      delivery.nakWithDelay(delay);
      return DONE;
    }

    @Override
    public CompletableFuture<Void> release() {
      delivery.nak();
      return DONE;
    }

    /** Publishes to the dead-letter stream, then terminates the delivery; if that fails, the event stays. */
    @Override
    public CompletableFuture<Void> deadLetter(String reason) {
      return deadLetters.publish(subscriber, delivery, attempt(), reason).handle((ok, failure) -> {
        if (failure == null) {
          delivery.term();
        } else {
          LOG.error("could not dead-letter a message of subscription {}; it will be delivered again: {}",
              subscriber.describe(), failure.toString());
          delivery.nak();
        }
        return null;
      });
    }
  }
}
