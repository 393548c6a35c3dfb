package dev.purista.mqtt;

import static dev.purista.mqtt.Fixture.awaitTrue;
import static dev.purista.mqtt.Fixture.sleep;
import static dev.purista.mqtt.Fixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.MessageAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A graceful stop takes no new work, lets the work in flight finish (a call gets its answer, a durable message
 * its acknowledgement), then disconnects.
 */
class GracefulStopTest {
  @RegisterExtension
  static final BrokerExtension MOSQUITTO = BrokerExtension.sharedMosquitto();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration HANDLER_TIME = Duration.ofMillis(700);

  private Fixture fixture;

  /** Payload and result of the test command and events. */
  public record Job(String name) {
  }

  @BeforeEach
  void open() {
    fixture = new Fixture(MOSQUITTO.broker());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void stoppingTheApplicationAnswersTheCallInFlightThenRefusesNewOnes() throws Exception {
    String service = unique("slow");
    CountDownLatch started = new CountDownLatch(1);
    MqttBridge serverBridge = MqttBridge.configure(config -> config.url(MOSQUITTO.url()));
    Application application = Application.builder(serverBridge)
        .service(ServiceDefinition.builder(service, "1")
            .command(CommandDefinition.builder("work", Job.class, Void.class, Job.class)
                .handler((ctx, job, none) -> {
                  started.countDown();
                  sleep(HANDLER_TIME);
                  return new Job(job.name() + " done");
                }).build())
            .build())
        .gracePeriod(Duration.ofSeconds(5))
        .build();
    application.start();
    PuristaClient caller = PuristaClient.of(fixture.bridge(), "caller");
    MessageAddress work = MessageAddress.of(service, "1", "work");

    CompletableFuture<Job> call = CompletableFuture.supplyAsync(
        () -> caller.invoke(work, new Job("first"), null, Job.class, WAIT));
    assertTrue(started.await(10, TimeUnit.SECONDS), "the handler started");
    long stopStart = System.nanoTime();
    boolean drained = application.stop();
    long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStart);

    assertTrue(drained, "the work in flight finished within the grace period");
    assertEquals("first done", call.get(WAIT.toSeconds(), TimeUnit.SECONDS).name(), "the call in flight is answered");
    assertTrue(stopMillis >= HANDLER_TIME.toMillis() / 2, "stop returned after " + stopMillis + " ms, before the "
        + "handler could have finished");
    assertFalse(serverBridge.isReady());
    HandledError refused = assertThrows(HandledError.class,
        () -> caller.invoke(work, new Job("second"), null, Job.class, WAIT));
    assertEquals(FailureReason.NO_HANDLERS, refused.reason(), "after the stop nobody serves the command");
  }

  @Test
  void stoppingTheBridgeLetsTheDurableMessageInFlightFinishAndAcknowledgesIt() {
    String service = unique("careful");
    String event = unique("job");
    String clientId = unique("stable-");
    List<String> handled = new CopyOnWriteArrayList<>();
    CountDownLatch started = new CountDownLatch(1);
    ServiceDefinition definition = ServiceDefinition.builder(service, "1")
        .subscription(SubscriptionDefinition.builder("onJob", Job.class, Void.class).event(event)
            .handler((ctx, job) -> {
              started.countDown();
              sleep(HANDLER_TIME);
              handled.add(job.name());
              return null;
            }).build())
        .build();
    MqttBridge first = MqttBridge.configure(config -> config.url(MOSQUITTO.url()).clientId(clientId));
    Application application = Application.builder(first).service(definition).gracePeriod(Duration.ofSeconds(5))
        .build();
    application.start();
    PuristaClient emitter = PuristaClient.of(fixture.bridge(), "emitter");

    emitter.emit(event, new Job("in flight"));
    awaitTrue(() -> started.getCount() == 0, WAIT, "the handler started");
    application.stop();

    assertEquals(List.of("in flight"), handled, "the handler finished before the bridge disconnected");
    MqttBridge second = fixture.bridge(config -> config.clientId(clientId));
    fixture.serve(definition, second);
    emitter.emit(event, new Job("marker"));
    awaitTrue(() -> handled.contains("marker"), WAIT, "the resumed session serves new messages");
    sleep(Duration.ofMillis(300));
    assertEquals(List.of("in flight", "marker"), handled, "the finished message was acknowledged, not redelivered");
  }
}
