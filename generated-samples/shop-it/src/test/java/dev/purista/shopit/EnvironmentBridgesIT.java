package dev.purista.shopit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purista.core.PuristaClient;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.EventBridge;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code PURISTA_EVENT_BRIDGE} as the sample's bootstraps read it: unset, it means the bootstrap's default;
 * {@code memory} runs without a broker; a kind that is not on the artifact's class path stops the process with a
 * message that names it, and exit status 1. ({@code amqp}, {@code nats} and {@code mqtt} carry the traffic of the
 * microservice tests.)
 */
class EnvironmentBridgesIT {
  private static final String USER_MAIN = "com.example.shop.bootstrap.microservice.UserV1Main";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  /** The JVM's exit status when {@code main} ends with an exception, as the bridge's refusal does. */
  private static final int UNCAUGHT_EXCEPTION_EXIT = 1;
  /** How health names the bridge {@code memory} selects; a broker's bridge is named after its protocol. */
  private static final String IN_MEMORY_BRIDGE = "bridge:default";

  /**
   * Unset, {@code UserV1Main} runs on RabbitMQ, its bootstrap's default: its health lists the AMQP bridge, and a
   * command sent over RabbitMQ, in the namespace its other settings name, is answered by that very process.
   */
  @Test
  void unsetTheMicroserviceRunsOnItsDefaultBroker() throws Exception {
    String namespace = Broker.newNamespace();
    Map<String, String> environment = new HashMap<>(Broker.AMQP.environment(namespace));
    environment.remove("PURISTA_EVENT_BRIDGE");
    Path jar = Sample.artifact(BusinessBuild.project(), Sample.MICROSERVICE);
    try (JavaProcess user = JavaProcess.start("default-bridge-user", jar, USER_MAIN, environment)) {
      user.awaitReady();
      assertEquals(Set.of("bridge:amqp", "http", "service:user:v1"), Health.readyComponentsButStores(user.baseUrl()));
      EventBridge bridge = Broker.AMQP.bridge(namespace);
      try (bridge) {
        bridge.start();
        JsonNode answer = PuristaClient.of(bridge, "environmentIt").invoke(MessageAddress.of("user", "1", "signUp"),
            Map.of("name", "Ada"), Map.of(), JsonNode.class, CALL_TIMEOUT);
        assertEquals("Ada", answer.path("name").asText(), answer::toString);
        assertFalse(answer.path("id").asText().isEmpty(), answer::toString);
        assertEquals(user.pid(), answer.path("servedBy").asLong(), "answered over RabbitMQ by " + answer);
      }
    } finally {
      Broker.AMQP.cleanUp(namespace);
    }
  }

  @Test
  void memoryRunsWithoutABroker() throws Exception {
    try (JavaProcess user = JavaProcess.start("memory-user", microservice(), USER_MAIN,
            Map.of("PURISTA_EVENT_BRIDGE", "memory"));
        JavaProcess edge = JavaProcess.start("memory-edge", List.of("-jar", edge().toString()),
            Map.of("PURISTA_EVENT_BRIDGE", "memory"))) {
      user.awaitReady();
      edge.awaitReady();
      assertEquals(Set.of(IN_MEMORY_BRIDGE, "http", "service:user:v1"),
          Health.readyComponentsButStores(user.baseUrl()));
      assertEquals(Set.of(IN_MEMORY_BRIDGE, "http", "service:ping:v1", "service:user:v1", "service:email:v1"),
          Health.readyComponentsButStores(edge.baseUrl()));
      Http.Response pong = Http.get(edge.baseUrl() + "/api/v1/ping");
      assertEquals(200, pong.status(), pong::body);
      assertEquals("pong", pong.json().path("message").asText(), pong::body);
    }
  }

  @Test
  void anUnknownKindAndAKindTheArtifactLacksStopTheProcessWithAClearError() throws Exception {
    try (JavaProcess unknown = JavaProcess.start("unknown-bridge", microservice(), USER_MAIN,
            Map.of("PURISTA_EVENT_BRIDGE", "kafka"));
        JavaProcess lacking = JavaProcess.start("edge-without-amqp", List.of("-jar", edge().toString()),
            Map.of("PURISTA_EVENT_BRIDGE", "amqp"))) {
      assertFailsNaming(unknown, "PURISTA_EVENT_BRIDGE=kafka");
      assertFailsNaming(lacking, "PURISTA_EVENT_BRIDGE=amqp");
    }
  }

  private static void assertFailsNaming(JavaProcess process, String setting) throws InterruptedException {
    Integer exit = process.exitCode(WAIT);
    assertNotNull(exit, () -> process.name() + " still runs:\n" + process.output());
    assertEquals(UNCAUGHT_EXCEPTION_EXIT, exit, process::output);
    String output = process.output();
    assertTrue(output.contains(setting) && output.contains("no such event bridge"),
        () -> process.name() + " does not say what is wrong:\n" + output);
  }

  private static Path microservice() {
    return Sample.artifact(Sample.reactorBuilt(), Sample.MICROSERVICE);
  }

  private static Path edge() {
    return Sample.artifact(Sample.reactorBuilt(), Sample.EDGE);
  }
}
