package dev.purista.redis;

import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.testkit.QueueBridgeContract;
import org.junit.jupiter.api.AfterAll;

/** The Redis queue bridge passes the queue bridge contract on a real Redis; each bridge its own connection pool. */
class RedisQueueBridgeContractTest extends QueueBridgeContract {
  private static final String PREFIX = "purista-test:" + Long.toHexString(System.nanoTime()) + ":";

  @AfterAll
  static void deleteKeys() {
    RedisTestServer.deleteAll(PREFIX);
  }

  @Override
  protected QueueBridge newBridge() {
    return RedisQueueBridge.of(RedisTestServer.config(PREFIX));
  }
}
