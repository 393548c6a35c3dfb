package dev.purista.core.spi.support;

import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One message as a broker handed it to a subscription, with the broker's own ways to settle it. A bridge writes
 * one small implementation per broker; {@link DeliveryPolicy} decides which way each message is settled.
 *
 * <p>The settling methods are called at most once per delivery, and exactly one of them. Each returns a future
 * that completes when the broker has been told (a confirm, an acknowledgement written), and never fails: a
 * settlement the broker did not take is the implementation's to log, and it leaves the message to the broker to
 * deliver again, so nothing is lost.
 */
public interface BrokerDelivery {

  /** Reads the envelope; throws when the bytes are not one. */
  Message decode() throws MalformedMessageException;

  /** How often this message has reached this subscription, this delivery included: 1 the first time. */
  int attempt();

  /** Where it came from (a queue, a subject, a topic), for logs. */
  String source();

  /** Done with: the broker forgets it. */
  CompletableFuture<Void> ack();

  /** Failed for now: deliver it again after {@code delay}, as attempt {@link #attempt()} + 1. */
  CompletableFuture<Void> retry(Duration delay);

  /** Failed for good: move it to the dead letters, with {@code reason}, then forget it. */
  CompletableFuture<Void> deadLetter(String reason);

  /** Not handled, through no fault of its own (the subscription is closing): leave it to the broker. */
  CompletableFuture<Void> release();
}
