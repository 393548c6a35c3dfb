package dev.purista.nats;

import dev.purista.core.spi.support.InFlight;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import io.nats.client.MessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a non-durable subscription's messages from plain NATS: at most once. What the handler does with a
 * message is not reported back to the broker, so a failure is only logged, and a message sent while the
 * connection is down is not seen. Malformed messages are logged and dropped.
 */
final class CoreSubscriptionConsumer implements MessageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CoreSubscriptionConsumer.class);

  private final SubscriptionSpec spec;
  private final SubscriptionEndpoint endpoint;
  private final MessageCodec codec;
  private final InFlight inFlight;

  CoreSubscriptionConsumer(SubscriptionSpec spec, SubscriptionEndpoint endpoint, MessageCodec codec,
      InFlight inFlight) {
    this.spec = spec;
    this.endpoint = endpoint;
    this.codec = codec;
    this.inFlight = inFlight;
  }

  @Override
  public void onMessage(io.nats.client.Message delivery) {
    Message message;
    try {
      message = codec.decode(delivery.getData());
    } catch (MalformedMessageException e) {
      LOG.warn("dropped a malformed message for subscription {} (subject {}): {}", spec.address().describe(),
          delivery.getSubject(), e.getMessage());
      return;
    }
    // The subject narrows what arrives, but cannot express every filter; this is the exact check.
    if (!spec.filter().matches(message)) {
      return;
    }
    inFlight.begin();
    try {
      endpoint.deliver(message).whenComplete((ok, failure) -> {
        inFlight.end();
        if (failure != null) {
          LOG.debug("subscription {} failed on message {}; not redelivered (non-durable)",
              spec.address().describe(), message.id());
        }
      });
    } catch (RuntimeException e) {
      inFlight.end();
      LOG.error("subscription {} threw on message {}", spec.address().describe(), message.id(), e);
    }
  }
}
