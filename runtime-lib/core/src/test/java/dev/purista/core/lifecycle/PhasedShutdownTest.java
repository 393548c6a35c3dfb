package dev.purista.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.StatusCode;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.support.ForwardingEventBridge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Shutdown in phases, with outside callers simulated as another process on the same in-memory bridge (their
 * messages carry another instance id, as a broker delivers them): after the first phase no service takes
 * outside work, and a chain that work in flight starts across services of this process still completes.
 */
class PhasedShutdownTest {
  record Job(int number) {
  }

  record Done(String by) {
  }

  private static final String OUTSIDE = "another-process";

  /** Every handler start: which service, whether the caller was outside the process, and when. */
  private record Start(String service, boolean outside, long nanos) {
  }

  @Test
  void afterTheFirstPhaseNoServiceTakesOutsideWorkWhileAcceptedWorkDrains() throws Exception {
    DefaultEventBridge inMemory = new DefaultEventBridge();
    AcceptanceRecorder bridge = new AcceptanceRecorder(inMemory);
    Queue<Start> starts = new ConcurrentLinkedQueue<>();
    List<String> names = List.of("alpha", "beta", "gamma");
    PhaseProbe probe = new PhaseProbe();
    Application.Builder builder = Application.builder(bridge).gracePeriod(Duration.ofSeconds(10)).component(probe);
    for (String name : names) {
      builder.service(slowService(name, starts, Duration.ofMillis(30)), o -> o.maxConcurrency(32));
    }
    Application app = builder.build().start();
    PuristaClient outside = PuristaClient.of(new OtherProcess(inMemory), "load");

    AtomicBoolean loading = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Throwable> unexpected = new ArrayList<>();
    ExecutorService load = Executors.newFixedThreadPool(6);
    for (int thread = 0; thread < 6; thread++) {
      String target = names.get(thread % names.size());
      load.execute(() -> {
        int n = 0;
        while (loading.get()) {
          try {
            outside.invoke(MessageAddress.of(target, "1", "work"), new Job(n++), null, Done.class);
            answered.incrementAndGet();
          } catch (HandledError e) {
            if (e.status() == StatusCode.SERVICE_UNAVAILABLE) {
              refused.incrementAndGet();
            } else {
              synchronized (unexpected) {
                unexpected.add(e);
              }
            }
          }
        }
      });
    }
    Thread.sleep(300);
    int answeredBeforeStop = answered.get();
    boolean drained = app.stop();
    loading.set(false);
    load.shutdown();
    assertTrue(load.awaitTermination(10, TimeUnit.SECONDS));

    assertTrue(drained, "everything accepted finished within the grace period");
    assertTrue(answeredBeforeStop > 10, "the services were under load: " + answeredBeforeStop);
    assertTrue(unexpected.isEmpty(), unexpected.toString());
    long phaseOneDone = probe.stoppedAccepting.get();
    assertTrue(phaseOneDone > 0, "the first phase ran");
    for (String name : names) {
      assertTrue(starts.stream().anyMatch(s -> s.service().equals(name) && s.outside()), name + " took outside work");
    }
    List<Delivery> servedLate = bridge.deliveries.stream()
        .filter(d -> d.outside() && d.served() && d.nanos() > phaseOneDone).toList();
    assertEquals(List.of(), servedLate, "outside work taken after the first phase");
    assertTrue(bridge.deliveries.stream().anyMatch(d -> d.outside() && !d.served()),
        "outside calls went on during the drain and were turned away");
    assertTrue(probe.drainBegan.get() >= phaseOneDone, "the drain began after the first phase ended");
  }

  @Test
  void aChainThatWorkInFlightStartsAcrossServicesCompletesDuringShutdown() throws Exception {
    DefaultEventBridge bridge = new DefaultEventBridge();
    PhaseProbe probe = new PhaseProbe();
    CountDownLatch frontRunning = new CountDownLatch(1);
    MessageAddress back = MessageAddress.of("back", "1", "answer");
    ServiceDefinition frontService = ServiceDefinition.builder("front", "1")
        .command(CommandDefinition.builder("chain", Job.class, Void.class, Done.class)
            .handler((ctx, job, none) -> {
              frontRunning.countDown();
              // Call the other service only once the application stopped taking outside work.
              if (!probe.phaseOne.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("shutdown did not begin");
              }
              Done answer = ctx.invoke(back, job, null, Done.class);
              return new Done("front after " + answer.by());
            }).build())
        .build();
    ServiceDefinition backService = ServiceDefinition.builder("back", "1")
        .command(CommandDefinition.builder("answer", Job.class, Void.class, Done.class)
            .handler((ctx, job, none) -> new Done("back " + job.number())).build())
        .build();
    Application app = Application.builder(bridge).gracePeriod(Duration.ofSeconds(10)).component(probe)
        .service(frontService).service(backService).build().start();
    PuristaClient outside = PuristaClient.of(new OtherProcess(bridge), "caller");

    CompletableFuture<Done> call = CompletableFuture.supplyAsync(() ->
        outside.invoke(MessageAddress.of("front", "1", "chain"), new Job(7), null, Done.class));
    assertTrue(frontRunning.await(10, TimeUnit.SECONDS));
    CompletableFuture<Boolean> stop = CompletableFuture.supplyAsync(app::stop);
    assertTrue(probe.phaseOne.await(10, TimeUnit.SECONDS));
    HandledError lateOutsideCall = assertThrows(HandledError.class,
        () -> outside.invoke(back, new Job(8), null, Done.class));

    assertEquals(new Done("front after back 7"), call.get(10, TimeUnit.SECONDS));
    assertTrue(stop.get(10, TimeUnit.SECONDS), "drained within the grace period");
    assertEquals(StatusCode.SERVICE_UNAVAILABLE, lateOutsideCall.status(), "outside work after the first phase");
    assertFalse(app.health().ready());
  }

  @Test
  void isNotReadyWhileStarting() {
    AtomicBoolean readyDuringStart = new AtomicBoolean(true);
    Application app = Application.builder(new DefaultEventBridge())
        .service(slowService("alpha", new ConcurrentLinkedQueue<>(), Duration.ZERO))
        .component(new PhaseProbe() {
          @Override
          public void start(Application application) {
            readyDuringStart.set(application.health().ready());
          }
        })
        .build();
    app.start();
    try {
      assertFalse(readyDuringStart.get(), "ready before start() finished");
      assertTrue(app.health().ready());
    } finally {
      app.stop();
    }
  }

  private static ServiceDefinition slowService(String name, Queue<Start> starts, Duration work) {
    return ServiceDefinition.builder(name, "1")
        .command(CommandDefinition.builder("work", Job.class, Void.class, Done.class)
            .handler((ctx, job, none) -> {
              starts.add(new Start(name, OUTSIDE.equals(ctx.message().sender().instanceId()), System.nanoTime()));
              Thread.sleep(work.toMillis());
              return new Done(name);
            }).build())
        .build();
  }

  /** A component that notes when the application's first phase reached it and when the drain began. */
  private static class PhaseProbe implements ApplicationComponent {
    final AtomicLong stoppedAccepting = new AtomicLong();
    final AtomicLong drainBegan = new AtomicLong();
    final CountDownLatch phaseOne = new CountDownLatch(1);

    @Override
    public String name() {
      return "probe";
    }

    @Override
    public void start(Application application) {
    }

    @Override
    public void stopAccepting() {
      stoppedAccepting.set(System.nanoTime());
      phaseOne.countDown();
    }

    @Override
    public boolean awaitDrained(Duration timeout) {
      drainBegan.compareAndSet(0, System.nanoTime());
      return true;
    }

    @Override
    public void close() {
    }
  }

  /** The same bridge as seen from another process: its calls carry another instance id. */
  private static final class OtherProcess extends ForwardingBridge {
    OtherProcess(EventBridge bridge) {
      super(bridge);
    }

    @Override
    public String instanceId() {
      return OUTSIDE;
    }
  }

  /** Notes, for every command an endpoint is handed, when, whether from outside, and whether it was served. */
  private static final class AcceptanceRecorder extends ForwardingBridge {
    final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();

    AcceptanceRecorder(EventBridge bridge) {
      super(bridge);
    }

    @Override
    public Registration registerCommand(CommandSpec spec, CommandEndpoint endpoint) {
      return super.registerCommand(spec, command -> {
        long at = System.nanoTime();
        boolean outside = OUTSIDE.equals(command.sender().instanceId());
        return endpoint.handle(command).thenApply(response -> {
          deliveries.add(new Delivery(spec.address().serviceName(), outside, at,
              response.messageType() == MessageType.COMMAND_SUCCESS_RESPONSE));
          return response;
        });
      });
    }
  }

  private record Delivery(String service, boolean outside, long nanos, boolean served) {
  }

  /** Passes everything on to another bridge, with a shorter default timeout for the tests. */
  private abstract static class ForwardingBridge extends ForwardingEventBridge {
    ForwardingBridge(EventBridge bridge) {
      super(bridge);
    }

    @Override
    public Duration defaultCommandTimeout() {
      return Duration.ofSeconds(10);
    }
  }
}
