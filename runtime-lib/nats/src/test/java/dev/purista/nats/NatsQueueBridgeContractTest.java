package dev.purista.nats;

import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.testkit.QueueBridgeContract;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link NatsQueueBridge} keeps the queue bridge contract on the real server ({@code PURISTA_NATS_URL}, default
 * 127.0.0.1:4222), each bridge with a connection of its own as two processes have, under a name of this run's own.
 */
class NatsQueueBridgeContractTest extends QueueBridgeContract {
  static final NatsQueueConfig CONFIG = QueueTestSupport.config(NatsTestSupport.brokerUrl());

  @Override
  protected QueueBridge newBridge() {
    return NatsQueueBridge.of(CONFIG);
  }

  @AfterAll
  static void deleteStreamsAndBuckets() throws Exception {
    QueueTestSupport.delete(NatsTestSupport.brokerUrl(), CONFIG);
  }
}
