package dev.purista.shopit;

/** The microservice target over MQTT (the machine's Mosquitto). */
class MicroserviceMqttIT extends MicroserviceScenario {
  MicroserviceMqttIT() {
    super(Broker.MQTT);
  }
}
