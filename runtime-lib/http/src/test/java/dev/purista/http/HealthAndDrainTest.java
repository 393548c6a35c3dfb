package dev.purista.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.lifecycle.ApplicationComponent;
import dev.purista.core.lifecycle.ComponentHealth;
import dev.purista.core.spi.support.BusyWaiting;
import dev.purista.http.fixture.ServerUnderTest;
import dev.purista.http.fixture.ShopService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Live and ready as an orchestrator sees them, during start and during a graceful drain. */
class HealthAndDrainTest {
  private final HttpClient client = HttpClient.newHttpClient();

  /** A component that takes its time to start, so that the application is seen while it is starting. */
  private static final class SlowStart implements ApplicationComponent {
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean started;

    @Override
    public String name() {
      return "slow-start";
    }

    @Override
    public void start(Application application) {
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      started = true;
    }

    @Override
    public void stopAccepting() {
    }

    @Override
    public boolean awaitDrained(Duration timeout) {
      return true;
    }

    @Override
    public void close() {
    }

    @Override
    public ComponentHealth health() {
      return new ComponentHealth(name(), true, started);
    }
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int awaitPort(HttpServer server) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try {
        return server.port();
      } catch (IllegalStateException notYet) {
        Thread.sleep(10);
      }
    }
    throw new AssertionError("the HTTP server did not start");
  }

  @Test
  void readyIs503WhileStartingAndLiveIs200() throws Exception {
    HttpServer server = HttpServer.of(ServerUnderTest.settings().build());
    SlowStart slow = new SlowStart();
    Application application = Application.builder(new DefaultEventBridge()).service(ShopService.DEFINITION)
        .component(server).component(slow).build();
    CompletableFuture<Application> starting = CompletableFuture.supplyAsync(application::start);
    try {
      int port = awaitPort(server);
      HttpResponse<String> ready = get(port, "/healthz/ready");
      assertEquals(503, ready.statusCode(), ready.body());
      assertEquals(200, get(port, "/healthz/live").statusCode());
      assertEquals(503, get(port, "/healthz").statusCode());

      slow.release.countDown();
      starting.get(20, TimeUnit.SECONDS);
      HttpResponse<String> up = get(port, "/healthz");
      assertEquals(200, up.statusCode(), up.body());
      JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(up.body());
      List<String> names = new ArrayList<>();
      body.get("components").forEach(component -> names.add(component.get("name").asText()));
      List<String> expected = new ArrayList<>();
      application.health().components().forEach(component -> expected.add(component.name()));
      assertEquals(expected, names);
      assertTrue(names.containsAll(List.of("bridge:default", "http", "slow-start", "service:shop:v1")), names
          .toString());
      assertEquals("UP", body.get("status").asText());
    } finally {
      slow.release.countDown();
      application.stop();
    }
  }

  @Test
  void whileTheServerRunsTheRuntimeDoesNotBusyWait() {
    assertFalse(BusyWaiting.heldOff(), "nothing holds busy-waiting off before the server starts");
    Application application = Application.builder(new DefaultEventBridge()).service(ShopService.DEFINITION)
        .component(HttpServer.of(ServerUnderTest.settings().build())).build().start();
    try {
      assertTrue(BusyWaiting.heldOff(), "a running server keeps the cores for its own threads");
    } finally {
      application.stop();
    }
    assertFalse(BusyWaiting.heldOff(), "a stopped server gives busy-waiting back");
  }

  @Test
  void onShutdownReadyTurns503FirstAndRequestsInFlightFinish() throws Exception {
    HttpServer server = HttpServer.of(ServerUnderTest.settings()
        .commandTimeout(Duration.ofSeconds(15)).build());
    Application application = Application.builder(new DefaultEventBridge()).service(ShopService.DEFINITION)
        .component(server).gracePeriod(Duration.ofSeconds(15)).build().start();
    int port = server.port();
    ShopService.gate = new CountDownLatch(1);
    CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/api/v1/slow")).build(), HttpResponse.BodyHandlers.ofString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (application.services().get(0).inFlight() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(1, application.services().get(0).inFlight());

    CompletableFuture<Boolean> stopping = CompletableFuture.supplyAsync(application::stop);
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (get(port, "/healthz/ready").statusCode() != 503 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(503, get(port, "/healthz/ready").statusCode());
    assertEquals(200, get(port, "/healthz/live").statusCode());
    HttpResponse<String> refused = get(port, "/api/v1/items/a1");
    assertEquals(503, refused.statusCode(), refused.body());
    assertTrue(!inFlight.isDone(), "the request in flight is still running");

    ShopService.gate.countDown();
    assertEquals(200, inFlight.get(15, TimeUnit.SECONDS).statusCode());
    assertTrue(stopping.get(15, TimeUnit.SECONDS), "drained within the grace period");
  }
}
