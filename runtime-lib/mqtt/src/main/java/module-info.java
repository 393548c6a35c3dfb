/**
 * The MQTT 5 event bridge. Only {@code dev.purista.mqtt} is API; other packages are its implementation.
 */
// The broker client has no module descriptor; its jar names itself com.hivemq.client.mqtt in its manifest.
@SuppressWarnings("requires-automatic")
module dev.purista.mqtt {
  requires transitive dev.purista.core;
  requires com.hivemq.client.mqtt;

  exports dev.purista.mqtt;

  provides dev.purista.core.spi.EventBridgeProvider with dev.purista.mqtt.MqttBridgeProvider;
}
