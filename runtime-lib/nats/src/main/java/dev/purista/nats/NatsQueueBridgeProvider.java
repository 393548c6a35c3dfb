package dev.purista.nats;

import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.queue.spi.QueueBridgeProvider;
import java.util.function.Function;

/** Makes the NATS queue bridge when the environment asks for {@code nats} ({@code PURISTA_QUEUE_BRIDGE=nats}). */
public final class NatsQueueBridgeProvider implements QueueBridgeProvider {
  /** For {@link java.util.ServiceLoader}. */
  public NatsQueueBridgeProvider() {
  }

  @Override
  public String name() {
    return "nats";
  }

  @Override
  public QueueBridge queueBridge(Function<String, String> environment) {
    return NatsQueueBridge.of(NatsQueueConfig.fromEnvironment(environment));
  }
}
