package dev.purista.shopit;

/** The microservice target over NATS. */
class MicroserviceNatsIT extends MicroserviceScenario {
  MicroserviceNatsIT() {
    super(Broker.NATS);
  }
}
