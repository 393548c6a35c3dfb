package dev.purista.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.PayloadValidator;
import dev.purista.core.store.StateStore;
import dev.purista.core.store.memory.InMemoryStateStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Health aggregates the parts; a graceful stop refuses new work, drains work in flight, then closes. */
class ApplicationTest {
  record Input(long millis) {
  }

  record Output(String status) {
  }

  private static final MessageAddress SLOW = MessageAddress.of("slow", "1", "work");

  private static ServiceDefinition slowService(CountDownLatch started) {
    return ServiceDefinition.builder("slow", "1")
        .command(CommandDefinition.builder("work", Input.class, Object.class, Output.class)
            .handler((ctx, input, parameter) -> {
              started.countDown();
              Thread.sleep(input.millis());
              return new Output("done");
            }).build())
        .build();
  }

  @Test
  void servicesWithoutAValidatorOfTheirOwnShareOneMadeReadyForAllOfThem() {
    ServiceOptions ownValidator = ServiceOptions.configure(options -> options.validator(PayloadValidator.NONE));
    Application.builder(new DefaultEventBridge())
        .service(ServiceDefinition.builder("sharedValidatorOne", "1").build())
        .service(ServiceDefinition.builder("sharedValidatorTwo", "1").build())
        .service(ServiceDefinition.builder("ownValidator", "1").build(), ownValidator)
        .build();

    assertEquals(List.of(List.of("sharedValidatorOne", "sharedValidatorTwo")),
        RecordingValidator.callsNaming("sharedValidatorOne"), "one call for both services");
    assertEquals(List.of(), RecordingValidator.callsNaming("ownValidator"));
  }

  @Test
  void isReadyOnlyWhileStartedAndNotStopping() {
    Application app = Application.builder(new DefaultEventBridge())
        .service(slowService(new CountDownLatch(1))).build();

    assertFalse(app.health().ready(), "not started");
    app.start();
    HealthReport running = app.health();
    app.stop();
    HealthReport stopped = app.health();

    assertTrue(running.live() && running.ready(), running.toString());
    assertTrue(running.components().stream().anyMatch(c -> c.name().equals("service:slow:v1") && c.ready()));
    assertTrue(running.components().stream().anyMatch(c -> c.name().startsWith("store:")));
    assertFalse(stopped.ready());
  }

  @Test
  void stopLetsWorkInFlightFinishAndRefusesNewWork() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean closed = new AtomicBoolean();
    Application app = Application.builder(new DefaultEventBridge())
        .service(slowService(started))
        .gracePeriod(Duration.ofSeconds(5))
        .closeOnStop(() -> closed.set(true))
        .build()
        .start();
    PuristaClient client = app.client("test");

    CompletableFuture<Output> inFlight = CompletableFuture.supplyAsync(
        () -> client.invoke(SLOW, new Input(300), null, Output.class));
    assertTrue(started.await(5, TimeUnit.SECONDS));
    CompletableFuture<Boolean> stopping = CompletableFuture.supplyAsync(app::stop);

    assertEquals("done", inFlight.get(5, TimeUnit.SECONDS).status(), "work in flight finished");
    assertTrue(stopping.get(5, TimeUnit.SECONDS), "drained within the grace period");
    assertTrue(closed.get(), "closeables closed after the drain");
    HandledError refused = assertThrows(HandledError.class, () -> client.invoke(SLOW, new Input(1), null,
        Output.class));
    assertTrue(refused.reason() == FailureReason.NO_HANDLERS || refused.reason() == FailureReason.BRIDGE_FAILURE,
        refused.reason().toString());
  }

  @Test
  void stopReportsWorkThatOutlivesTheGracePeriod() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Application app = Application.builder(new DefaultEventBridge())
        .service(slowService(started))
        .gracePeriod(Duration.ofMillis(100))
        .build()
        .start();
    PuristaClient client = app.client("test");
    CompletableFuture.runAsync(() -> {
      try {
        client.invoke(SLOW, new Input(2_000), null, Output.class);
      } catch (HandledError expected) {
        // the bridge stops under the call
      }
    });
    assertTrue(started.await(5, TimeUnit.SECONDS));

    assertFalse(app.stop(), "the 2 s handler cannot finish in 100 ms");
  }

  @Test
  void stopClosesEveryStoreOnceAfterTheServicesEvenWhenServicesShareIt() {
    AtomicInteger closes = new AtomicInteger();
    StateStore shared = new ClosingStateStore(closes);
    ServiceDefinition first = ServiceDefinition.builder("first", "1").build();
    ServiceDefinition second = ServiceDefinition.builder("second", "1").build();
    Application app = Application.builder(new DefaultEventBridge())
        .service(first, o -> o.stateStore(shared))
        .service(second, o -> o.stateStore(shared))
        .build()
        .start();

    assertEquals(0, closes.get());
    app.stop();

    assertEquals(1, closes.get(), "the shared store is closed once");
  }

  /** A state store that counts how often it is closed. */
  private static final class ClosingStateStore implements StateStore {
    private final InMemoryStateStore values = new InMemoryStateStore();
    private final AtomicInteger closes;

    ClosingStateStore(AtomicInteger closes) {
      this.closes = closes;
    }

    @Override
    public String name() {
      return "closing";
    }

    @Override
    public <T> java.util.Optional<T> get(String key, Class<T> type) {
      return values.get(key, type);
    }

    @Override
    public void set(String key, Object value) {
      values.set(key, value);
    }

    @Override
    public void remove(String key) {
      values.remove(key);
    }

    @Override
    public long increment(String key, long delta) {
      return values.increment(key, delta);
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @Test
  void aServiceThatFailsToStartStopsWhatStarted() {
    DefaultEventBridge bridge = new DefaultEventBridge();
    ServiceDefinition clash = ServiceDefinition.builder("clash", "1")
        .command(CommandDefinition.builder("work", Input.class, Object.class, Output.class)
            .handler((c, i, p) -> new Output("x")).build())
        .build();
    Application app = Application.builder(bridge).service(clash).build();
    app.start();
    app.stop();

    IllegalStateException error = assertThrows(IllegalStateException.class, () -> app.services().get(0).start());
    assertTrue(error.getMessage().contains("stopped"), error.getMessage());
    assertEquals(Map.of(), Map.of());
  }
}
