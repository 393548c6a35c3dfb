/**
 * State and config stores and a queue bridge on Redis. Only {@code dev.purista.redis} is API.
 */
// Jedis has no module descriptor; its jar names itself redis.clients.jedis in its manifest.
@SuppressWarnings("requires-automatic")
module dev.purista.redis {
  requires transitive dev.purista.core;
  requires redis.clients.jedis;
  requires org.apache.commons.pool2;

  exports dev.purista.redis;

  provides dev.purista.core.store.spi.StoreProvider with dev.purista.redis.RedisStoreProvider;
  provides dev.purista.core.queue.spi.QueueBridgeProvider with dev.purista.redis.RedisQueueBridgeProvider;
}
