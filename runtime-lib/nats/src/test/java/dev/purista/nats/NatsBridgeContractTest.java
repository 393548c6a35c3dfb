package dev.purista.nats;

import dev.purista.core.spi.EventBridge;
import dev.purista.testkit.EventBridgeContract;

/**
 * The NATS bridge passes the shared bridge contract against the real broker. Every call of {@link #newBridge()}
 * is a bridge with its own connection, like a separate process.
 */
class NatsBridgeContractTest extends EventBridgeContract {
  @Override
  protected EventBridge newBridge() {
    return NatsTestSupport.bridge();
  }
}
