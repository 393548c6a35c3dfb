package dev.purista.core.spi;

import dev.purista.core.message.Message;
import java.util.concurrent.CompletableFuture;

/**
 * What a bridge calls when a message matches a registered subscription. Normal completion means the message is
 * done with (a durable bridge acknowledges it); exceptional completion means it failed (a durable bridge
 * redelivers it within its retry bound, then dead-letters it).
 */
@FunctionalInterface
public interface SubscriptionEndpoint {
  CompletableFuture<Void> deliver(Message message);
}
