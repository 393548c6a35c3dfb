package dev.purista.shopit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purista.core.PuristaClient;
import dev.purista.core.PuristaError;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.EventBridge;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's edge jar ({@code EdgeMain}) on the MQTT bridge, with the machine's Mosquitto: a command invoked by
 * another process (this test, a purista client on an MQTT bridge of its own) is answered by the edge process.
 */
class EdgeIT {
  private static final Duration START_WAIT = Duration.ofSeconds(60);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
  private static final MessageAddress PING = MessageAddress.of("ping", "1", "ping");
  private static JavaProcess edge;
  private static EventBridge bridge;
  private static PuristaClient client;

  @BeforeAll
  static void start() throws Exception {
    String namespace = Broker.newNamespace();
    Map<String, String> environment = new HashMap<>(Broker.MQTT.environment(namespace));
    edge = JavaProcess.start("edge", List.of("-jar", Sample.artifact(Sample.reactorBuilt(), Sample.EDGE).toString()),
        environment);
    bridge = Broker.MQTT.bridge(namespace);
    bridge.start();
    client = PuristaClient.of(bridge, "edgeIt");
    awaitFirstAnswer();
  }

  /** The edge process is up once it answers; until its command is registered, a call finds no handler. */
  private static void awaitFirstAnswer() throws InterruptedException {
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      if (!edge.isAlive()) {
        throw new AssertionError("the edge process exited:\n" + edge.output());
      }
      try {
        client.invoke(PING, Map.of(), Map.of(), JsonNode.class, CALL_TIMEOUT);
        return;
      } catch (PuristaError e) {
        last = e;
        Thread.sleep(200);
      }
    }
    throw new AssertionError("the edge process did not answer in " + START_WAIT + ": " + last + "\n" + edge.output());
  }

  @AfterAll
  static void stop() {
    if (edge != null) {
      edge.close();
    }
    if (bridge != null) {
      bridge.close();
    }
  }

  @Test
  void aCommandFromAnotherProcessIsAnsweredOverMqtt() {
    for (int i = 0; i < 10; i++) {
      JsonNode answer = client.invoke(PING, Map.of(), Map.of(), JsonNode.class, CALL_TIMEOUT);
      assertEquals("pong", answer.path("message").asText(), answer::toString);
    }
  }

  @Test
  void aCommandThatEmitsAnEventIsAnsweredOverMqtt() {
    JsonNode answer = client.invoke(MessageAddress.of("user", "1", "signUp"), Map.of(), Map.of(), JsonNode.class,
        CALL_TIMEOUT);
    assertTrue(answer.isObject(), answer::toString);
  }
}
