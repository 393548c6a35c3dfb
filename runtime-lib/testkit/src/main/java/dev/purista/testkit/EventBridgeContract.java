package dev.purista.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.HttpMethod;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.StatusCode;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.UnhandledError;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.EventBridge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EventBridge} keeps, as one JUnit 5 suite. A bridge module extends it and says how to
 * connect a new bridge; the suite then runs services on one or several bridges (several processes, on a broker)
 * and checks request/response, errors, timeouts, load sharing and subscriptions.
 *
 * <pre>{@code
 * class AmqpBridgeContractTest extends EventBridgeContract {
 *   protected EventBridge newBridge() { return AmqpBridge.configure(c -> c.url("amqp://127.0.0.1")); }
 * }
 * }</pre>
 *
 * <p>Every test uses service names of its own, so a broker's leftovers from earlier runs cannot interfere.
 */
public abstract class EventBridgeContract {
  /** Long enough for a broker round trip on a loaded CI machine; tests finish as soon as they can. */
  protected static final Duration WAIT = Duration.ofSeconds(10);

  private final List<Service> services = new ArrayList<>();
  private final Set<EventBridge> bridges = Collections.newSetFromMap(new IdentityHashMap<>());

  /** For the bridge's test class, which extends this one. */
  protected EventBridgeContract() {
  }

  /**
   * A new, unstarted bridge that reaches every other bridge this method returns, like another process on the
   * same broker. An in-memory bridge may return one shared instance; the suite starts and stops it once.
   */
  protected abstract EventBridge newBridge();

  /** A started bridge; stopped after the test. */
  protected final EventBridge bridge() {
    EventBridge bridge = newBridge();
    bridge.start();
    bridges.add(bridge);
    return bridge;
  }

  /** A started instance of {@code definition} on a new bridge; stopped after the test. */
  protected final Service serve(ServiceDefinition definition) {
    return serve(definition, bridge());
  }

  protected final Service serve(ServiceDefinition definition, EventBridge bridge) {
    Service service = definition.getInstance(bridge);
    service.start();
    services.add(service);
    return service;
  }

  protected final PuristaClient client() {
    return PuristaClient.of(bridge(), "contract");
  }

  /** A name no earlier run used. */
  protected static String unique(String base) {
    return base + MessageIds.newId().substring(0, 10);
  }

  @AfterEach
  void stopEverything() {
    for (Service service : services) {
      service.stop(Duration.ofSeconds(5));
    }
    services.clear();
    for (EventBridge bridge : bridges) {
      bridge.stop();
    }
    bridges.clear();
  }

  // ---- fixtures -------------------------------------------------------------------------------------------

  /** Payload of the test commands and events. */
  public record Greeting(String name, int count, List<String> tags, Map<String, Object> extra) {
  }

  /** Parameter of the test commands; a primitive, so a missing value is a 400, never a silent default. */
  public record Options(boolean shout) {
  }

  /** Result of the test commands. */
  public record Reply(String text, String handledBy) {
  }

  /** A command {@code greet} that answers "hello <name> x<count>", saying which instance handled it. */
  protected static CommandDefinition<Greeting, Options, Reply> greet(String handledBy) {
    return CommandDefinition.builder("greet", Greeting.class, Options.class, Reply.class)
        .handler((ctx, payload, parameter) -> {
          String text = "hello " + payload.name() + " x" + payload.count();
          return new Reply(parameter.shout() ? text.toUpperCase(java.util.Locale.ROOT) : text, handledBy);
        })
        .build();
  }

  protected static MessageAddress address(String service, String command) {
    return MessageAddress.of(service, "1", command);
  }

  // ---- request / response ---------------------------------------------------------------------------------

  @Test
  void commandAnswersWithTheResultOverTheBridge() {
    String service = unique("greeter");
    serve(ServiceDefinition.builder(service, "1").command(greet("a")).build());

    Greeting payload = new Greeting("Zoë ✓", 3, List.of("x", "y"), Map.of("nested", Map.of("n", 1.5)));
    Reply reply = client().invoke(address(service, "greet"), payload, new Options(true), Reply.class, WAIT);

    assertEquals("HELLO ZOË ✓ X3", reply.text());
  }

  @Test
  void theTraceIdOfTheCallerReachesTheHandlerAndItsNestedCalls() {
    String service = unique("tracer");
    List<String> seen = new CopyOnWriteArrayList<>();
    CommandDefinition<Greeting, Options, Reply> inner = CommandDefinition
        .builder("inner", Greeting.class, Options.class, Reply.class)
        .handler((ctx, p, q) -> {
          seen.add(ctx.traceId());
          return new Reply("inner", "x");
        }).build();
    CommandDefinition<Greeting, Options, Reply> outer = CommandDefinition
        .builder("outer", Greeting.class, Options.class, Reply.class)
        .handler((ctx, p, q) -> {
          seen.add(ctx.traceId());
          return ctx.invoke(address(service, "inner"), p, q, Reply.class, WAIT);
        }).build();
    serve(ServiceDefinition.builder(service, "1").command(inner).command(outer).build());

    Reply reply = client().invoke(address(service, "outer"), new Greeting("t", 1, List.of(), Map.of()),
        new Options(false), Reply.class, WAIT);

    assertEquals("inner", reply.text());
    assertEquals(2, seen.size());
    assertEquals(seen.get(0), seen.get(1), "nested call keeps the trace id");
    assertTrue(seen.get(0) != null && !seen.get(0).isEmpty());
  }

  // ---- errors ---------------------------------------------------------------------------------------------

  @Test
  void aHandledErrorReachesTheCallerAsThrown() {
    String service = unique("refuser");
    serve(ServiceDefinition.builder(service, "1")
        .command(CommandDefinition.builder("refuse", Greeting.class, Options.class, Reply.class)
            .handler((ctx, p, q) -> {
              throw new HandledError(StatusCode.CONFLICT, "name taken: " + p.name(), Map.of("field", "name"));
            }).build())
        .build());

    HandledError error = assertThrows(HandledError.class, () -> client().invoke(address(service, "refuse"),
        new Greeting("ann", 1, List.of(), Map.of()), new Options(false), Reply.class, WAIT));

    assertEquals(StatusCode.CONFLICT, error.status());
    assertEquals("name taken: ann", error.getMessage());
    assertEquals(Map.of("field", "name"), error.data());
    assertEquals(FailureReason.RECIPIENT_FAILURE, error.reason());
  }

  @Test
  void anUnexpectedExceptionReachesTheCallerAsAGeneric500WithoutInternals() {
    String service = unique("crasher");
    serve(ServiceDefinition.builder(service, "1")
        .command(CommandDefinition.builder("crash", Greeting.class, Options.class, Reply.class)
            .handler((ctx, p, q) -> {
              throw new IllegalStateException("jdbc:postgresql://db.internal password=hunter2");
            }).build())
        .build());

    UnhandledError error = assertThrows(UnhandledError.class, () -> client().invoke(address(service, "crash"),
        new Greeting("ann", 1, List.of(), Map.of()), new Options(false), Reply.class, WAIT));

    assertEquals(StatusCode.INTERNAL_SERVER_ERROR, error.status());
    assertEquals(UnhandledError.GENERIC_MESSAGE, error.getMessage());
    assertNull(error.data());
    assertFalse(String.valueOf(error).contains("hunter2"));
  }

  @Test
  void inputOfTheWrongTypeIsA400NamingTheField() {
    String service = unique("strict");
    serve(ServiceDefinition.builder(service, "1").command(greet("a")).build());

    HandledError error = assertThrows(HandledError.class, () -> client().invoke(address(service, "greet"),
        Map.of("name", "ann", "count", "not a number"), null, Reply.class, WAIT));

    assertEquals(StatusCode.BAD_REQUEST, error.status());
    assertTrue(error.getMessage().contains("payload.count"), error.getMessage());
  }

  /**
   * Whether the bridge learns at once that no instance serves a command. Over a broker that acknowledges a message
   * nobody subscribes to like any other (ActiveMQ Artemis over MQTT), the call instead ends at its deadline.
   */
  protected boolean failsFastWithoutHandlers() {
    return true;
  }

  @Test
  void invokingACommandNobodyServesFailsFast() {
    PuristaClient client = client();
    if (!failsFastWithoutHandlers()) {
      HandledError error = assertThrows(HandledError.class, () -> client.invoke(address(unique("nobody"),
          "nothing"), Map.of(), null, Reply.class, Duration.ofSeconds(1)));
      assertEquals(FailureReason.TIMEOUT, error.reason());
      return;
    }
    long start = System.nanoTime();

    HandledError error = assertThrows(HandledError.class, () -> client.invoke(address(unique("nobody"), "nothing"),
        Map.of(), null, Reply.class, Duration.ofSeconds(20)));

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(FailureReason.NO_HANDLERS, error.reason());
    assertEquals(StatusCode.SERVICE_UNAVAILABLE, error.status());
    assertTrue(millis < 5_000, "failed after " + millis + " ms; it should not wait for the 20 s deadline");
  }

  @Test
  void aHandlerThatHangsEndsInATimeoutErrorAtTheDeadline() throws InterruptedException {
    String service = unique("sleeper");
    CountDownLatch release = new CountDownLatch(1);
    serve(ServiceDefinition.builder(service, "1")
        .command(CommandDefinition.builder("hang", Greeting.class, Options.class, Reply.class)
            .handler((ctx, p, q) -> {
              release.await(30, TimeUnit.SECONDS);
              return new Reply("late", "x");
            }).build())
        .build());
    PuristaClient client = client();
    long start = System.nanoTime();

    HandledError error = assertThrows(HandledError.class, () -> client.invoke(address(service, "hang"),
        greeting("patient"), new Options(false), Reply.class, Duration.ofMillis(500)));

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    release.countDown();
    assertEquals(FailureReason.TIMEOUT, error.reason());
    assertEquals(StatusCode.GATEWAY_TIMEOUT, error.status());
    assertTrue(millis >= 450 && millis < 3_000, "timed out after " + millis + " ms, deadline was 500 ms");
  }

  // ---- load sharing ---------------------------------------------------------------------------------------

  @Test
  void instancesOfOneServiceShareTheCommandLoad() {
    String service = unique("worker");
    int instances = 3;
    for (int i = 0; i < instances; i++) {
      serve(ServiceDefinition.builder(service, "1").command(greet("instance-" + i)).build());
    }
    PuristaClient client = client();
    Map<String, Integer> handledBy = new ConcurrentHashMap<>();

    int calls = 60;
    for (int i = 0; i < calls; i++) {
      Reply reply = client.invoke(address(service, "greet"), new Greeting("n", i, List.of(), Map.of()),
          new Options(false), Reply.class, WAIT);
      assertEquals("hello n x" + i, reply.text());
      handledBy.merge(reply.handledBy(), 1, Integer::sum);
    }

    assertEquals(calls, handledBy.values().stream().mapToInt(Integer::intValue).sum());
    assertTrue(handledBy.size() >= 2, "all calls went to one instance: " + handledBy);
  }

  // ---- subscriptions --------------------------------------------------------------------------------------

  private static SubscriptionDefinition.Builder<Greeting, Void> recordInto(String name, List<Greeting> sink) {
    return SubscriptionDefinition.builder(name, Greeting.class, Void.class)
        .handler((ctx, payload) -> {
          sink.add(payload);
          return null;
        });
  }

  protected static Greeting greeting(String name) {
    return new Greeting(name, 1, List.of(), Map.of());
  }

  @Test
  void anEmittedEventReachesAMatchingSubscription() {
    String event = unique("thing.happened");
    List<Greeting> received = new CopyOnWriteArrayList<>();
    serve(ServiceDefinition.builder(unique("listener"), "1")
        .subscription(recordInto("onThing", received).event(event).build()).build());

    client().emit(event, greeting("first"));

    awaitTrue(() -> received.size() == 1, "event delivered");
    assertEquals("first", received.get(0).name());
  }

  @Test
  void aCommandsSuccessEventReachesSubscriptions() {
    String service = unique("producer");
    String event = unique("greeted");
    List<Reply> received = new CopyOnWriteArrayList<>();
    serve(ServiceDefinition.builder(service, "1")
        .command(greet("a").toBuilder().successEvent(event).build()).build());
    serve(ServiceDefinition.builder(unique("consumer"), "1")
        .subscription(SubscriptionDefinition.builder("onGreeted", Reply.class, Void.class)
            .event(event)
            .handler((ctx, reply) -> {
              received.add(reply);
              return null;
            }).build())
        .build());

    client().invoke(address(service, "greet"), greeting("ev"), new Options(false), Reply.class, WAIT);

    awaitTrue(() -> received.size() == 1, "success event delivered");
    assertEquals("hello ev x1", received.get(0).text());
  }

  @Test
  void aSubscriptionsResultIsEmittedAsItsOutputEvent() {
    String in = unique("in");
    String out = unique("out");
    List<Greeting> received = new CopyOnWriteArrayList<>();
    serve(ServiceDefinition.builder(unique("relay"), "1")
        .subscription(SubscriptionDefinition.builder("relay", Greeting.class, Greeting.class)
            .event(in).emits(out)
            .handler((ctx, payload) -> new Greeting(payload.name() + "!", payload.count() + 1, List.of(), Map.of()))
            .build())
        .subscription(recordInto("sink", received).event(out).build())
        .build());

    client().emit(in, greeting("relayed"));

    awaitTrue(() -> received.size() == 1, "output event delivered");
    assertEquals("relayed!", received.get(0).name());
    assertEquals(2, received.get(0).count());
  }

  @Test
  void subscriptionsOnlySeeEventsTheirFiltersMatch() {
    String event = unique("filtered");
    String otherEvent = unique("other");
    String marker = "marker";
    List<Greeting> byName = new CopyOnWriteArrayList<>();
    List<Greeting> byTenant = new CopyOnWriteArrayList<>();
    List<Greeting> bySender = new CopyOnWriteArrayList<>();
    serve(ServiceDefinition.builder(unique("filters"), "1")
        .subscription(recordInto("byName", byName).event(event).build())
        .subscription(recordInto("byTenant", byTenant).event(event).tenantId("tenant-a").build())
        .subscription(recordInto("bySender", bySender).event(event).sentFrom("contract", null, null).build())
        .build());
    PuristaClient client = client();
    PuristaClient stranger = PuristaClient.of(bridge(), "stranger");

    client.emit(otherEvent, greeting("wrong event"));
    stranger.emit(event, greeting("from stranger"));
    client.emit(event, greeting(marker));

    awaitTrue(() -> byName.size() == 2 && bySender.stream().anyMatch(g -> g.name().equals(marker)),
        "matching events delivered");
    sleep(Duration.ofMillis(300));
    assertEquals(Set.of("from stranger", marker), names(byName));
    assertEquals(Set.of(marker), names(bySender), "sender filter");
    assertTrue(byTenant.isEmpty(), "tenant filter: no event had tenant-a, got " + byTenant);
  }

  @Test
  void aSharedSubscriptionGetsEachEventOnceAcrossInstances() {
    String service = unique("sharer");
    String event = unique("shared");
    Map<Integer, List<Greeting>> byInstance = new ConcurrentHashMap<>();
    for (int i = 0; i < 2; i++) {
      List<Greeting> sink = byInstance.computeIfAbsent(i, k -> new CopyOnWriteArrayList<>());
      serve(ServiceDefinition.builder(service, "1").subscription(recordInto("onShared", sink).event(event).build())
          .build());
    }
    PuristaClient client = client();

    int events = 20;
    for (int i = 0; i < events; i++) {
      client.emit(event, greeting("e" + i));
    }

    awaitTrue(() -> total(byInstance) >= events, "events delivered");
    sleep(Duration.ofMillis(300));
    assertEquals(events, total(byInstance), "each event exactly once across instances: " + byInstance);
  }

  @Test
  void anEveryInstanceSubscriptionGetsEachEventOnEveryInstance() {
    String service = unique("broadcast");
    String event = unique("everyone");
    Map<Integer, List<Greeting>> byInstance = new ConcurrentHashMap<>();
    for (int i = 0; i < 2; i++) {
      List<Greeting> sink = byInstance.computeIfAbsent(i, k -> new CopyOnWriteArrayList<>());
      serve(ServiceDefinition.builder(service, "1")
          .subscription(recordInto("onEveryone", sink).event(event).everyInstance().durable(false).build())
          .build());
    }
    PuristaClient client = client();

    int events = 5;
    for (int i = 0; i < events; i++) {
      client.emit(event, greeting("e" + i));
    }

    awaitTrue(() -> byInstance.get(0).size() == events && byInstance.get(1).size() == events,
        "every instance got every event: " + byInstance);
  }

  @Test
  void aFailingSubscriptionHandlerDoesNotStopLaterDeliveries() {
    String event = unique("fragile");
    List<Greeting> handled = new CopyOnWriteArrayList<>();
    AtomicInteger failures = new AtomicInteger();
    serve(ServiceDefinition.builder(unique("fragile"), "1")
        .subscription(SubscriptionDefinition.builder("onFragile", Greeting.class, Void.class)
            .event(event)
            .handler((ctx, payload) -> {
              if (payload.name().startsWith("bad")) {
                failures.incrementAndGet();
                throw new IllegalStateException("cannot handle " + payload.name());
              }
              handled.add(payload);
              return null;
            }).build())
        .build());
    PuristaClient client = client();

    client.emit(event, greeting("bad-1"));
    for (int i = 0; i < 5; i++) {
      client.emit(event, greeting("good-" + i));
    }

    awaitTrue(() -> handled.size() == 5, "later events delivered after a failure");
    // Handlers run concurrently: the later events may all be handled before the failing one's handler runs.
    awaitTrue(() -> failures.get() >= 1, "the failing event was delivered");
  }

  @Test
  void aSubscriptionHearsTheInfoMessagesOfAServiceThatStartsElsewhere() {
    String watched = unique("watched");
    List<String> heard = new CopyOnWriteArrayList<>();
    Map<String, Object> added = new ConcurrentHashMap<>();
    ServiceDefinition.Builder monitor = ServiceDefinition.builder(unique("monitor"), "1");
    for (MessageType type : List.of(MessageType.INFO_SERVICE_INIT, MessageType.INFO_SERVICE_FUNCTION_ADDED,
        MessageType.INFO_SERVICE_READY)) {
      monitor.subscription(SubscriptionDefinition.builder("on" + type.wireName(), Map.class, Void.class)
          .messageType(type)
          .sentFrom(watched, "1", null)
          .handler((ctx, payload) -> {
            heard.add(type.wireName() + ":" + ctx.message().sender().serviceTarget());
            if (type == MessageType.INFO_SERVICE_FUNCTION_ADDED) {
              added.put(ctx.message().sender().serviceTarget(), payload);
            }
            return null;
          }).build());
    }
    serve(monitor.build());

    serve(ServiceDefinition.builder(watched, "1")
        .command(CommandDefinition.builder("register", Greeting.class, Void.class, Greeting.class)
            .http(HttpMethod.POST, "registrations")
            .handler((ctx, payload, parameter) -> payload).build())
        .build());

    awaitTrue(() -> heard.size() >= 3, "the watched service's info messages: " + heard);
    sleep(Duration.ofMillis(200));
    // Each kind reaches its own subscription, so the order they arrive in across subscriptions is not the bridge's.
    assertEquals(Set.of("infoServiceInit:", "infoServiceFunctionAdded:register", "infoServiceReady:"),
        Set.copyOf(heard));
    assertEquals(3, heard.size(), "each info message once: " + heard);
    Map<?, ?> expose = (Map<?, ?>) ((Map<?, ?>) added.get("register")).get("expose");
    Map<?, ?> http = (Map<?, ?>) expose.get("http");
    assertEquals("POST", http.get("method"));
    assertEquals("registrations", http.get("path"));
    assertEquals(true, ((Map<?, ?>) http.get("openApi")).get("isSecure"));
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  private static Set<String> names(List<Greeting> greetings) {
    Set<String> names = new java.util.TreeSet<>();
    greetings.forEach(g -> names.add(g.name()));
    return names;
  }

  private static int total(Map<Integer, List<Greeting>> byInstance) {
    return byInstance.values().stream().mapToInt(List::size).sum();
  }

  /** Polls {@code condition} until it holds or {@link #WAIT} passes. */
  protected static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
      }
      sleep(Duration.ofMillis(10));
    }
  }

  protected static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
