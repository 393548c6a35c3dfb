package dev.purista.mqtt;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.EventBridge;
import dev.purista.mqtt.internal.DeadLetters;
import dev.purista.mqtt.internal.Topology;
import dev.purista.testkit.BrokerBridgeContract;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MQTT bridge passes the bridge contract against a real Mosquitto. Each {@link #newBridge()} is a bridge with
 * connections of its own, as another process on the same broker would have.
 */
class MqttBridgeContractTest extends BrokerBridgeContract {
  @RegisterExtension
  static final BrokerExtension MOSQUITTO = BrokerExtension.sharedMosquitto();

  @Override
  protected EventBridge newBridge() {
    return bridgeAt(MOSQUITTO.url());
  }

  @Override
  protected InetSocketAddress brokerAddress() {
    return new InetSocketAddress("127.0.0.1", MOSQUITTO.broker().port());
  }

  @Override
  protected EventBridge newBridgeAt(String host, int port) {
    return bridgeAt("mqtt://" + host + ":" + port);
  }

  private static EventBridge bridgeAt(String url) {
    return MqttBridge.configure(config -> config
        .url(url)
        .retryDelay(Duration.ofMillis(20))
        .stopTimeout(Duration.ofSeconds(5)));
  }

  /** MQTT keeps a dead letter only for a subscriber present when it is published, so this one subscribes first. */
  @Override
  protected DeadLetterWatch watchDeadLetters(MessageAddress subscription) {
    String topic = new Topology("purista", "sharedpurista", "any").deadLetterTopic(subscription);
    RawClient client = RawClient.connect(MOSQUITTO.broker(), unique("dead-letters")).watch(topic);
    return new DeadLetterWatch() {
      @Override
      public List<DeadLetter> received() {
        return client.received().stream().map(MqttBridgeContractTest::deadLetter).toList();
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  private static DeadLetter deadLetter(Mqtt5Publish letter) {
    return new DeadLetter(letter.getPayloadAsBytes(), RawClient.property(letter, DeadLetters.REASON),
        Integer.parseInt(RawClient.property(letter, DeadLetters.ATTEMPTS)));
  }
}
