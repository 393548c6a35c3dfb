package dev.purista.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.support.ForwardingEventBridge;
import dev.purista.nats.NatsBridge;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The CRaC hooks, called as SnapStart calls them around a snapshot. */
class SnapStartHooksTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void beforeTheCheckpointEachRouteIsPrimedWithoutRunningAHandler() throws Exception {
    TestServices services = new TestServices("primed");
    LambdaFunction function = LambdaFunction.builder().service(services.definition)
        .settings(LambdaSettings.builder().build()).build().start();
    try {
      SnapStartHooks hooks = SnapStartHooks.register(function);
      assertEquals(2, function.primedRoutes(), "both HTTP routes, primed at the start");
      hooks.beforeCheckpoint(null);
      assertEquals(4, function.primedRoutes(), "both routes primed again by the hook");
      assertEquals(0, services.echoes.get() + services.naps.get(), "no handler ran");
      assertInMemoryServicesStayInTheSnapshot(function, hooks);
    } finally {
      function.stop();
    }
  }

  @Test
  void anInMemoryBridgeFromAFactoryAlsoKeepsItsServicesInTheSnapshot() throws Exception {
    // A factory of its own, wrapped as a counting or recording bridge would be: still no broker behind it.
    LambdaFunction function = LambdaFunction.builder().service(new TestServices("primed").definition)
        .bridge(() -> new ForwardingEventBridge(new DefaultEventBridge()))
        .settings(LambdaSettings.builder().build()).build().start();
    try {
      assertFalse(function.usesBroker());
      assertInMemoryServicesStayInTheSnapshot(function, SnapStartHooks.register(function));
    } finally {
      function.stop();
    }
  }

  private static void assertInMemoryServicesStayInTheSnapshot(LambdaFunction function, SnapStartHooks hooks)
      throws Exception {
    EventBridge bridge = function.application().bridge();
    hooks.beforeCheckpoint(null);
    assertTrue(function.isRunning(), "the in-memory services stay in the snapshot");
    assertSame(bridge, function.application().bridge());
    hooks.afterRestore(null);
    assertSame(bridge, function.application().bridge(), "nothing restarted");
    assertTrue(bridge.isReady());
    assertEquals("Ada", echo(function).path("name").asText());
  }

  @Test
  void onABrokerBridgeTheConnectionClosesBeforeTheCheckpointAndReopensAfterTheRestore() throws Exception {
    // A name of its own, so that parallel runs on the shared broker do not serve each other's calls.
    TestServices services = new TestServices("snap" + UUID.randomUUID().toString().replace("-", ""));
    List<NatsBridge> bridges = new CopyOnWriteArrayList<>();
    LambdaFunction function = LambdaFunction.builder().service(services.definition)
        .bridge(() -> {
          NatsBridge bridge = NatsBridge.configure(config -> config.url(natsUrl()));
          bridges.add(bridge);
          return bridge;
        })
        .settings(LambdaSettings.builder().build()).build().start();
    try {
      SnapStartHooks hooks = SnapStartHooks.register(function);
      assertTrue(function.usesBroker());
      assertEquals("Ada", echo(function, services).path("name").asText());
      assertTrue(bridges.get(0).isReady());
      long primedAtStart = function.primedRoutes();

      hooks.beforeCheckpoint(null);
      assertEquals(primedAtStart + 2, function.primedRoutes(), "primed before the services stopped");
      assertFalse(function.isRunning());
      assertFalse(bridges.get(0).isReady(), "the connection is closed before the snapshot");
      assertFalse(bridges.get(0).isHealthy());

      hooks.afterRestore(null);
      assertTrue(function.isRunning());
      assertEquals(2, bridges.size(), "a new bridge after the restore");
      assertNotSame(bridges.get(0), function.application().bridge());
      assertTrue(bridges.get(1).isReady());
      assertEquals("Ada", echo(function, services).path("name").asText(), "served over the new connection");
    } finally {
      function.stop();
    }
  }

  private static String natsUrl() {
    String url = System.getenv("PURISTA_NATS_URL");
    return url == null || url.isBlank() ? "nats://127.0.0.1:4222" : url;
  }

  private static JsonNode echo(LambdaFunction function) throws Exception {
    return echo(function, "primed");
  }

  private static JsonNode echo(LambdaFunction function, TestServices services) throws Exception {
    return echo(function, services.definition.info().name());
  }

  private static JsonNode echo(LambdaFunction function, String service) throws Exception {
    byte[] event = ("{\"service\":\"" + service + "\",\"command\":\"echo\",\"payload\":{\"name\":\"Ada\"}}")
        .getBytes(StandardCharsets.UTF_8);
    return JSON.readTree(function.handle(event, "r", Duration.ofSeconds(10)));
  }
}
