package dev.purista.redis;

import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.testkit.QueueBridgeContract;

/** The Redis queue bridge passes the queue bridge contract on a real Redis; each bridge its own connection pool. */
class RedisQueueBridgeContractTest extends QueueBridgeContract {
  private static final String PREFIX = "purista-test:" + Long.toHexString(System.nanoTime()) + ":";

  @Override
  protected QueueBridge newBridge() {
    return RedisQueueBridge.of(RedisTestServer.config(PREFIX));
  }
}
