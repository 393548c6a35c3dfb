package dev.purista.shopit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.Test;

/**
 * {@code PURISTA_EVENT_BRIDGE} as the sample's bootstraps read it: unset, it means the bootstrap's default;
 * {@code memory} runs without a broker; a kind that is not on the artifact's class path stops the process with a
 * message that names it, and a non-zero exit. ({@code amqp}, {@code nats} and {@code mqtt} carry the traffic of
 * the microservice tests.)
 */
class EnvironmentBridgesIT {
  private static final String USER_MAIN = "com.example.shop.bootstrap.microservice.UserV1Main";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  @Test
  void unsetTheMicroserviceRunsOnItsDefaultBroker() throws Exception {
    String namespace = Broker.newNamespace();
    Map<String, String> environment = new HashMap<>(Broker.AMQP.environment(namespace));
    environment.remove("PURISTA_EVENT_BRIDGE");
    try (JavaProcess user = JavaProcess.start("default-bridge-user", microservice(), USER_MAIN, environment)) {
      user.awaitReady();
      EventBridge bridge = Broker.AMQP.bridge(namespace);
      try (bridge) {
        bridge.start();
        JsonNode answer = PuristaClient.of(bridge, "environmentIt")
            .invoke(MessageAddress.of("user", "1", "signUp"), Map.of(), Map.of(), JsonNode.class, CALL_TIMEOUT);
        assertNotNull(answer, "signUp answered over RabbitMQ");
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
      Http.Response pong = Http.get(edge.baseUrl() + "/api/v1/ping");
      assertTrue(pong.status() == 200 && pong.body().contains("pong"), pong::body);
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
    assertNotEquals(0, exit, process::output);
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
