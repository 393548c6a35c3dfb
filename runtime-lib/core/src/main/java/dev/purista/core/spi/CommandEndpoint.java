package dev.purista.core.spi;

import dev.purista.core.message.Message;
import java.util.concurrent.CompletableFuture;

/**
 * What a bridge calls when a command arrives for a registered service instance. The future completes with the
 * response message, success or error; the service runtime never completes it exceptionally, so a bridge only
 * has to forward what it gets.
 */
@FunctionalInterface
public interface CommandEndpoint {
  CompletableFuture<Message> handle(Message command);
}
