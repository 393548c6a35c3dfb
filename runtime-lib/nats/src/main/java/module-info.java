/**
 * The NATS event bridge, a queue bridge on JetStream, and state and config stores on NATS key-value buckets. Only {@code dev.purista.nats} is API; other packages are its implementation.
 */
// The broker client has no module descriptor; its jar names itself io.nats.jnats in its manifest. It is part of
// the API: NatsBridgeConfig.Builder#clientOptions hands out jnats' Options.Builder.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.purista.nats {
  requires transitive dev.purista.core;
  requires transitive io.nats.jnats;

  exports dev.purista.nats;

  provides dev.purista.core.spi.EventBridgeProvider with dev.purista.nats.NatsBridgeProvider;
  provides dev.purista.core.store.spi.StoreProvider with dev.purista.nats.NatsStoreProvider;
  provides dev.purista.core.queue.spi.QueueBridgeProvider with dev.purista.nats.NatsQueueBridgeProvider;
}
