package dev.purista.shopit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The microservice target on one broker: the {@code user} service in two JVMs, the {@code email} service in one,
 * and the HTTP gateway in one, each started from the microservice jar with its own main class and the bridge
 * chosen by {@code PURISTA_EVENT_BRIDGE}. Requests enter through the gateway, except where a test shows what a
 * service's own process serves over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class MicroserviceScenario {
  private static final String MAINS = "com.example.shop.bootstrap.microservice.";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int SIGTERM_EXIT = 143;
  private static final int LOAD_THREADS = 4;
  /** Successful calls wanted before the SIGTERM, and again after the instance is gone. */
  private static final int CALLS_PER_PHASE = 30;

  private final Broker broker;
  private final List<JavaProcess> processes = new ArrayList<>();
  private String namespace;
  private TestIdentity identity;
  private String bearer;
  private EventObserver observer;
  private JavaProcess userA;
  private JavaProcess userB;
  private JavaProcess email;
  private JavaProcess gateway;

  MicroserviceScenario(Broker broker) {
    this.broker = broker;
  }

  @BeforeAll
  void start() throws Exception {
    namespace = Broker.newNamespace();
    identity = new TestIdentity();
    bearer = identity.bearer("ada");
    observer = new EventObserver(broker.bridge(namespace));
    Map<String, String> environment = new HashMap<>(broker.environment(namespace));
    environment.putAll(identity.environment());
    Path jar = Sample.artifact(BusinessBuild.project(), Sample.MICROSERVICE);
    userA = started(JavaProcess.start(broker.value() + "-user-a", jar, MAINS + "UserV1Main", environment));
    userB = started(JavaProcess.start(broker.value() + "-user-b", jar, MAINS + "UserV1Main", environment));
    email = started(JavaProcess.start(broker.value() + "-email", jar, MAINS + "EmailV1Main", environment));
    gateway = started(JavaProcess.start(broker.value() + "-gateway", jar, MAINS + "GatewayMain", environment));
    for (JavaProcess process : processes) {
      process.awaitReady();
    }
  }

  private JavaProcess started(JavaProcess process) {
    processes.add(process);
    return process;
  }

  @AfterAll
  void stop() throws Exception {
    processes.forEach(JavaProcess::close);
    if (observer != null) {
      observer.close();
    }
    if (identity != null) {
      identity.close();
    }
    broker.cleanUp(namespace);
  }

  @Test
  @Order(1)
  void aRequestToTheGatewayReachesUserAndItsEventReachesEmail() throws Exception {
    Http.Response created = signUp("Ada");
    assertEquals(200, created.status(), created::body);
    String id = created.json().path("id").asText();
    assertFalse(id.isEmpty(), created::body);
    assertTrue(Set.of(userA.pid(), userB.pid()).contains(created.json().path("servedBy").asLong()),
        "signUp ran in a user process: " + created.body());

    EventObserver.EmailSent sent = observer.awaitSentTo(id, WAIT);
    assertEquals(email.pid(), sent.sentBy(), "sendWelcome ran in the email process");
  }

  /**
   * A service's process serves HTTP itself: its own service's exposed routes (the command still goes through the
   * bridge, so either user instance may serve it) and its health, which lists its bridge, its HTTP server and its
   * one service (and its stores). Another service's route is no route there, even one the gateway serves.
   */
  @Test
  @Order(2)
  void aServiceProcessServesItsOwnRoutesAndHealthButNoOtherServicesRoute() throws Exception {
    Http.Response created = Http.post(userA.baseUrl() + "/api/v1/users", bearer, "{\"name\":\"Grace\"}");
    assertEquals(200, created.status(), created::body);
    assertEquals("Grace", created.json().path("name").asText(), created::body);
    String id = created.json().path("id").asText();
    assertFalse(id.isEmpty(), created::body);
    assertTrue(Set.of(userA.pid(), userB.pid()).contains(created.json().path("servedBy").asLong()),
        "signUp ran in a user process: " + created.body());
    assertEquals(email.pid(), observer.awaitSentTo(id, WAIT).sentBy(), "its event reached the email process");

    // The ping service's route, and the user service's route on the email process (whose service exposes none).
    assertNoRoute(Http.get(userA.baseUrl() + "/api/v1/ping"));
    assertNoRoute(Http.post(email.baseUrl() + "/api/v1/users", bearer, "{\"name\":\"Linus\"}"));

    String bridge = "bridge:" + broker.value();
    assertEquals(Set.of(bridge, "http", "service:user:v1"), Health.readyComponentsButStores(userA.baseUrl()));
    assertEquals(Set.of(bridge, "http", "service:email:v1"), Health.readyComponentsButStores(email.baseUrl()));
  }

  private static void assertNoRoute(Http.Response answer) {
    assertEquals(404, answer.status(), answer::body);
    assertEquals(404, answer.json().path("status").asInt(), "a problem: " + answer.body());
    assertTrue(answer.json().path("detail").asText().startsWith("No route "), answer::body);
  }

  @Test
  @Order(3)
  void twoInstancesOfUserShareTheLoad() throws Exception {
    Map<Long, Integer> servedBy = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      Http.Response created = signUp("user" + i);
      assertEquals(200, created.status(), created::body);
      servedBy.merge(created.json().path("servedBy").asLong(), 1, Integer::sum);
    }
    assertEquals(Set.of(userA.pid(), userB.pid()), servedBy.keySet(), "calls per process: " + servedBy);
  }

  @Test
  @Order(4)
  void sigtermToOneInstanceUnderLoadFailsNoRequest() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger succeeded = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    Map<Long, Integer> servedAfterExit = new ConcurrentHashMap<>();
    AtomicBoolean exited = new AtomicBoolean();
    ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS);
    for (int t = 0; t < LOAD_THREADS; t++) {
      load.execute(() -> {
        int n = 0;
        while (running.get()) {
          boolean afterExit = exited.get();
          try {
            Http.Response created = signUp("load" + n++);
            if (created.status() == 200) {
              succeeded.incrementAndGet();
              if (afterExit) {
                servedAfterExit.merge(created.json().path("servedBy").asLong(), 1, Integer::sum);
              }
            } else {
              failures.add(created.status() + " " + created.body());
            }
          } catch (Exception e) {
            failures.add(e.toString());
          }
        }
      });
    }
    awaitAtLeast(succeeded, CALLS_PER_PHASE);
    userB.terminate();
    Integer exit = userB.exitCode(WAIT);
    exited.set(true);
    int atExit = succeeded.get();
    awaitAtLeast(succeeded, atExit + CALLS_PER_PHASE);
    running.set(false);
    load.shutdown();
    assertTrue(load.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS));

    assertNotNull(exit, "the SIGTERMed instance stopped");
    assertEquals(SIGTERM_EXIT, exit, userB::output);
    assertEquals(List.of(), List.copyOf(failures), "failed requests of " + (succeeded.get() + failures.size()));
    assertEquals(Set.of(userA.pid()), servedAfterExit.keySet(), "after the exit only the other instance serves");
  }

  private Http.Response signUp(String name) throws Exception {
    return Http.post(gateway.baseUrl() + "/api/v1/users", bearer, "{\"name\":\"" + name + "\"}");
  }

  private static void awaitAtLeast(AtomicInteger counter, int wanted) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (counter.get() < wanted) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + counter.get() + " of " + wanted + " calls succeeded in " + WAIT);
      }
      Thread.sleep(20);
    }
  }
}
