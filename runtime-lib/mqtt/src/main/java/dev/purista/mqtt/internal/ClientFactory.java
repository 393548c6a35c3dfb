package dev.purista.mqtt.internal;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import dev.purista.core.spi.support.Credentials;
import dev.purista.core.spi.support.Tls;
import dev.purista.mqtt.MqttBridgeConfig;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Builds the HiveMQ MQTT 5 clients of one bridge from its settings: broker address, TLS, credentials and
 * automatic reconnect with backoff. Every connection of a bridge is built here, so they all reach the broker the
 * same way.
 */
public final class ClientFactory {
  private final MqttBridgeConfig config;

  public ClientFactory(MqttBridgeConfig config) {
    this.config = config;
  }

  MqttBridgeConfig config() {
    return config;
  }

  Mqtt5AsyncClient build(String clientId, MqttClientConnectedListener connected,
      MqttClientDisconnectedListener disconnected) {
    Mqtt5ClientBuilder builder = MqttClient.builder()
        .useMqttVersion5()
        .identifier(clientId)
        .serverHost(config.host())
        .serverPort(config.port())
        .automaticReconnect()
        .initialDelay(config.reconnectDelay().toMillis(), TimeUnit.MILLISECONDS)
        .maxDelay(config.reconnectMaxDelay().toMillis(), TimeUnit.MILLISECONDS)
        .applyAutomaticReconnect()
        .addConnectedListener(connected)
        .addDisconnectedListener(disconnected);
    if (config.tls()) {
      MqttClientSslConfigBuilder.Nested<? extends Mqtt5ClientBuilder> tls = builder.sslConfig();
      config.tlsSettings().flatMap(Tls::trust).ifPresent(tls::trustManagerFactory);
      config.tlsSettings().flatMap(Tls::clientCertificate).ifPresent(tls::keyManagerFactory);
      builder = tls.applySslConfig();
    }
    if (config.credentials().isPresent()) {
      Credentials credentials = config.credentials().get();
      var auth = builder.simpleAuth().username(credentials.username());
      if (!credentials.password().isEmpty()) {
        auth = auth.password(credentials.password().getBytes(StandardCharsets.UTF_8));
      }
      builder = auth.applySimpleAuth();
    }
    return builder.buildAsync();
  }
}
