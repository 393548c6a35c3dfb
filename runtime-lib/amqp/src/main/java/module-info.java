/**
 * The RabbitMQ (AMQP 0-9-1) event bridge. Only {@code dev.purista.amqp} is API; other packages are its implementation.
 */
// The broker client has no module descriptor; its jar names itself com.rabbitmq.client in its manifest.
@SuppressWarnings("requires-automatic")
module dev.purista.amqp {
  requires transitive dev.purista.core;
  requires com.rabbitmq.client;

  exports dev.purista.amqp;

  provides dev.purista.core.spi.EventBridgeProvider with dev.purista.amqp.AmqpBridgeProvider;
}
