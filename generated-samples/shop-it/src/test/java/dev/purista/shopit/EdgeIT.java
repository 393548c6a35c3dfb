package dev.purista.shopit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purista.core.PuristaClient;
import dev.purista.core.PuristaError;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.EventBridge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's edge jar ({@code EdgeMain}, built with the test's business code) on the MQTT bridge, with the
 * machine's Mosquitto, started with the JVM flags of its generated launcher (the small heap among them): a command
 * invoked by another process (this test, a purista client on an MQTT bridge of its own) is answered by the edge
 * process, the event of {@code signUp} reaches the {@code sendWelcome} subscription in it, and its HTTP (the JDK's
 * server) serves health and the exposed commands.
 */
class EdgeIT {
  private static final Duration START_WAIT = Duration.ofSeconds(60);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
  private static final MessageAddress PING = MessageAddress.of("ping", "1", "ping");
  private static final Duration EVENT_WAIT = Duration.ofSeconds(20);
  private static JavaProcess edge;
  private static EventBridge bridge;
  private static PuristaClient client;
  private static Outbox outbox;
  private static EventObserver observer;

  @BeforeAll
  static void start() throws Exception {
    String namespace = Broker.newNamespace();
    outbox = Outbox.create("edge");
    Map<String, String> environment = new HashMap<>(Broker.MQTT.environment(namespace));
    environment.put("SHOP_OUTBOX_DIR", outbox.variable());
    List<String> arguments = new ArrayList<>(launcherFlags());
    arguments.addAll(List.of("-jar", Sample.artifact(BusinessBuild.project(), Sample.EDGE).toString()));
    edge = JavaProcess.start("edge", arguments, environment);
    observer = new EventObserver(Broker.MQTT.bridge(namespace));
    bridge = Broker.MQTT.bridge(namespace);
    bridge.start();
    client = PuristaClient.of(bridge, "edgeIt");
    awaitFirstAnswer();
  }

  /** The JVM flags the generated launcher starts the edge process with: the words after its {@code exec "$java"}. */
  private static List<String> launcherFlags() throws IOException {
    String launcher = Files.readString(BusinessBuild.project().resolve("targets/edge/shop-edge"));
    Matcher exec = Pattern.compile("exec \"\\$java\"(.*?)\\$\\{EDGE_JAVA_OPTS", Pattern.DOTALL).matcher(launcher);
    assertTrue(exec.find(), "the launcher starts java:\n" + launcher);
    List<String> flags = Arrays.stream(exec.group(1).replace("\\\n", " ").trim().split("\\s+")).toList();
    assertTrue(flags.stream().anyMatch(flag -> flag.startsWith("-Xmx")), "the launcher sets a heap: " + flags);
    return flags;
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
    if (observer != null) {
      observer.close();
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
  void itsHttpServesHealthAndTheExposedCommands() throws Exception {
    edge.awaitReady();
    assertEquals(200, Http.get(edge.baseUrl() + "/healthz/live").status());
    Http.Response pong = Http.get(edge.baseUrl() + "/api/v1/ping");
    assertEquals(200, pong.status(), pong::body);
    assertEquals("pong", pong.json().path("message").asText(), pong::body);
    Http.Response unauthenticated = Http.get(edge.baseUrl() + "/api/v1/users/nobody");
    assertEquals(401, unauthenticated.status(), unauthenticated::body);
    assertEquals(401, unauthenticated.json().path("status").asInt(), "a problem: " + unauthenticated.body());
    assertEquals(404, Http.get(edge.baseUrl() + "/api/v1/nothing-here").status());
  }

  /** The email service's {@code sendWelcome} writes the welcome and emits {@code email.sent}, in the edge process. */
  @Test
  void aCommandThatEmitsAnEventIsAnsweredOverMqttAndItsEventReachesItsSubscription() throws Exception {
    JsonNode answer = client.invoke(MessageAddress.of("user", "1", "signUp"), Map.of("name", "Ada"), Map.of(),
        JsonNode.class, CALL_TIMEOUT);
    assertEquals("Ada", answer.path("name").asText(), answer::toString);
    assertEquals(edge.pid(), answer.path("servedBy").asLong(), answer::toString);
    String id = answer.path("id").asText();
    assertFalse(id.isEmpty(), answer::toString);

    List<Path> emails = outbox.awaitEmailsTo(id, EVENT_WAIT);
    assertEquals(1, emails.size(), emails::toString);
    assertTrue(Files.readString(emails.get(0)).contains("Welcome, Ada!"));
    assertEquals(edge.pid(), observer.awaitSentTo(id, EVENT_WAIT).sentBy(), "email.sent, from the edge process");
  }
}
