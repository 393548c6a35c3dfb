package dev.purista.testkit;

import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.spi.EventBridge;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The in-memory bridge passes the contract, with plain objects and with every message sent as JSON. */
class DefaultEventBridgeContractTest {

  /** Plain mode: every "process" is the same in-memory bridge. */
  @Nested
  class Plain extends EventBridgeContract {
    private EventBridge shared;

    @BeforeEach
    void newNetwork() {
      shared = new DefaultEventBridge();
    }

    @Override
    protected EventBridge newBridge() {
      return shared;
    }
  }

  /** JSON round-trip mode: what a broker would do to every message. */
  @Nested
  class JsonRoundTrip extends EventBridgeContract {
    private EventBridge shared;

    @BeforeEach
    void newNetwork() {
      shared = DefaultEventBridge.configure(o -> o.jsonRoundTrip(true));
    }

    @Override
    protected EventBridge newBridge() {
      return shared;
    }
  }
}
