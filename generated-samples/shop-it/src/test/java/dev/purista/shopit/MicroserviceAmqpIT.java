package dev.purista.shopit;

/** The microservice target over RabbitMQ. */
class MicroserviceAmqpIT extends MicroserviceScenario {
  MicroserviceAmqpIT() {
    super(Broker.AMQP);
  }
}
