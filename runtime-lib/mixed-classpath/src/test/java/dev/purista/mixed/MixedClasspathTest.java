package dev.purista.mixed;

import dev.purista.amqp.AmqpBridge;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.mqtt.MqttBridge;
import dev.purista.nats.NatsBridge;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every runtime module on one classpath works: each participant starts against the broker of this machine (or
 * the one its environment variable names) and makes one call. A broker that is not there fails its test; nothing
 * is skipped. With the poms of before the BOM, the MQTT bridge failed here with {@code NoClassDefFoundError:
 * io/netty/util/concurrent/ThreadAwareExecutor} when AMQP was declared first.
 */
class MixedClasspathTest {
  private static final String AMQP_URL = env("PURISTA_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672");
  private static final String NATS_URL = env("PURISTA_NATS_URL", "nats://127.0.0.1:4222");
  private static final String MQTT_URL = env("PURISTA_MQTT_URL", "mqtt://127.0.0.1:1883");
  private static final String REDIS_URL = env("PURISTA_REDIS_URL", "redis://127.0.0.1:6379");

  static List<Participant> participants() {
    return List.of(
        new BridgeParticipant("in-memory bridge", DefaultEventBridge::new),
        new BridgeParticipant("amqp bridge", () -> AmqpBridge.configure(o -> o.url(AMQP_URL))),
        new BridgeParticipant("nats bridge", () -> NatsBridge.configure(o -> o.url(NATS_URL))),
        new BridgeParticipant("mqtt bridge", () -> MqttBridge.configure(o -> o.url(MQTT_URL))),
        new HttpParticipant(),
        new StoreParticipant("redis", Map.of("PURISTA_REDIS_URL", REDIS_URL)),
        new StoreParticipant("nats", Map.of("PURISTA_NATS_URL", NATS_URL)),
        new QueueParticipant("redis", Map.of("PURISTA_REDIS_URL", REDIS_URL)),
        new QueueParticipant("nats", Map.of("PURISTA_NATS_URL", NATS_URL)));
  }

  @TestFactory
  Stream<DynamicTest> everyModuleDoesOneRoundTrip() {
    return participants().stream().map(participant -> DynamicTest.dynamicTest(participant.name(),
        participant::roundTrip));
  }

  private static String env(String name, String fallback) {
    return System.getenv().getOrDefault(name, fallback);
  }
}
