package dev.purista.redis;

import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.queue.spi.QueueBridgeProvider;
import java.util.function.Function;

/** Makes the Redis queue bridge when the environment asks for {@code redis} ({@code PURISTA_QUEUE_BRIDGE=redis}). */
public final class RedisQueueBridgeProvider implements QueueBridgeProvider {
  /** For {@link java.util.ServiceLoader}. */
  public RedisQueueBridgeProvider() {
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public QueueBridge queueBridge(Function<String, String> environment) {
    return RedisQueueBridge.of(RedisStoreConfig.fromEnvironment(environment));
  }
}
