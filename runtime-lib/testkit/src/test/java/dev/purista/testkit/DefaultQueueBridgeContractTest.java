package dev.purista.testkit;

import dev.purista.core.queue.memory.DefaultQueueBridge;
import dev.purista.core.queue.spi.QueueBridge;
import org.junit.jupiter.api.BeforeEach;

/**
 * The in-memory queue bridge passes the queue contract. "Two processes" are one bridge here: its queues live in
 * one object; closing it (which the suite does per bridge made) keeps nothing to release.
 */
class DefaultQueueBridgeContractTest extends QueueBridgeContract {
  private DefaultQueueBridge shared;

  @BeforeEach
  void newQueues() {
    shared = new DefaultQueueBridge();
  }

  @Override
  protected QueueBridge newBridge() {
    return shared;
  }
}
