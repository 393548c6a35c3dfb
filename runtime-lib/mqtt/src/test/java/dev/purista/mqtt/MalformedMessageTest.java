package dev.purista.mqtt;

import static dev.purista.mqtt.Fixture.awaitTrue;
import static dev.purista.mqtt.Fixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.purista.core.PuristaClient;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.mqtt.EchoService.Ping;
import dev.purista.mqtt.internal.DeadLetters;
import dev.purista.mqtt.internal.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Garbage on the broker, on the very topics a bridge consumes (commands, durable and non-durable events,
 * responses), is logged and dropped or dead-lettered, and the bridge keeps serving what comes after it.
 */
class MalformedMessageTest {
  @RegisterExtension
  static final BrokerExtension MOSQUITTO = BrokerExtension.sharedMosquitto();
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Bodies a foreign or broken publisher might send. */
  private static final List<byte[]> GARBAGE = List.of(
      new byte[0],
      new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x01},
      "not json at all".getBytes(java.nio.charset.StandardCharsets.UTF_8),
      "[1,2,3]".getBytes(java.nio.charset.StandardCharsets.UTF_8),
      "{\"messageType\":\"command\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
      "{\"messageType\":\"nonsense\",\"id\":\"x\",\"timestamp\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
      "{\"temperature\":21.5,\"unit\":\"C\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private Fixture fixture;

  @BeforeEach
  void open() {
    fixture = new Fixture(MOSQUITTO.broker());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void garbageOnCommandEventAndResponseTopicsDoesNotStopTheBridge() {
    MqttBridge server = fixture.bridge();
    EchoService service = EchoService.serve(fixture, server, "sturdy");
    MqttBridge callerBridge = fixture.bridge();
    PuristaClient caller = PuristaClient.of(callerBridge, "caller");
    MessageAddress echo = service.echo;
    assertEquals("echo before", caller.invoke(echo, new Ping("before"), null, Ping.class, WAIT).text());

    Topology topology = new Topology("purista", "sharedpurista", callerBridge.instanceId());
    String commandTopic = topology.topicOf(Message.builder(MessageType.COMMAND)
        .sender(MessageAddress.of("caller", "1", "client").withInstanceId("intruder"))
        .receiver(echo).correlationId("c").build());
    String durableTopic = eventTopic(topology, service.durableEvent);
    String looseTopic = eventTopic(topology, service.looseEvent);
    String responseTopic = topology.responseTopic();
    String deadLetterTopic = topology.deadLetterTopic(
        MessageAddress.of(service.name, "1", EchoService.DURABLE_SUBSCRIPTION));
    RawClient intruder = fixture.raw(unique("intruder"));
    RawClient deadLetters = fixture.raw(unique("watcher")).watch(deadLetterTopic);

    for (byte[] garbage : GARBAGE) {
      for (String topic : List.of(commandTopic, durableTopic, looseTopic, responseTopic)) {
        intruder.publish(topic, garbage);
      }
    }

    assertEquals("echo after", caller.invoke(echo, new Ping("after"), null, Ping.class, WAIT).text(),
        "commands are still served");
    caller.emit(service.durableEvent, new Ping("durable after"));
    caller.emit(service.looseEvent, new Ping("loose after"));
    awaitTrue(() -> service.durableSeen.contains("durable after") && service.looseSeen.contains("loose after"), WAIT,
        "events are still delivered");
    awaitTrue(() -> deadLetters.received().size() == GARBAGE.size(), WAIT,
        "every malformed message on the durable route is dead-lettered, got " + deadLetters.received().size());
    for (Mqtt5Publish letter : deadLetters.received()) {
      assertTrue(RawClient.property(letter, DeadLetters.REASON).startsWith("malformed message: "),
          RawClient.property(letter, DeadLetters.REASON));
      assertEquals(durableTopic, RawClient.property(letter, DeadLetters.ORIGINAL_TOPIC));
    }
    assertEquals(List.of("durable after"), service.durableSeen);
    assertEquals(List.of("loose after"), service.looseSeen);
  }

  private static String eventTopic(Topology topology, String eventName) {
    return topology.topicOf(Message.builder(MessageType.CUSTOM_MESSAGE).eventName(eventName)
        .sender(new MessageAddress("intruder", "1", "raw", "intruder")).build());
  }
}
