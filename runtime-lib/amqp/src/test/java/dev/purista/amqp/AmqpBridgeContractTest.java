package dev.purista.amqp;

import dev.purista.core.spi.EventBridge;
import dev.purista.testkit.EventBridgeContract;
import org.junit.jupiter.api.AfterAll;

/**
 * The shared bridge contract against the real RabbitMQ. Each {@link #newBridge()} is a bridge with its own
 * connection and instance id, like another process on the same broker.
 */
class AmqpBridgeContractTest extends EventBridgeContract {
  private static final String PREFIX = TestBroker.uniquePrefix("contract");

  @Override
  protected EventBridge newBridge() {
    return new AmqpBridge(TestBroker.config(PREFIX).build());
  }

  @AfterAll
  static void deleteTopology() {
    TestBroker.deleteEverything(PREFIX);
  }
}
