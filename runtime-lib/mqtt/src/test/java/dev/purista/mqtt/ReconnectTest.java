package dev.purista.mqtt;

import static dev.purista.mqtt.Fixture.awaitTrue;
import static dev.purista.mqtt.Fixture.sleep;
import static dev.purista.mqtt.Fixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.StatusCode;
import dev.purista.core.message.MessageAddress;
import dev.purista.mqtt.EchoService.Ping;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker goes away and comes back. This broker keeps nothing across a restart (no persistence), the harder
 * case: every session is gone, and the bridge must subscribe again by itself.
 */
class ReconnectTest {
  @RegisterExtension
  static final BrokerExtension MOSQUITTO = BrokerExtension.ownMosquitto(false);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private Fixture fixture;

  @BeforeEach
  void open() {
    if (!MOSQUITTO.broker().isRunning()) {
      MOSQUITTO.broker().startAgain();
    }
    fixture = new Fixture(MOSQUITTO.broker());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void commandsAndSubscriptionsRegisteredBeforeTheDropAreServedAfterIt() {
    MqttBridge server = fixture.bridge();
    EchoService service = EchoService.serve(fixture, server, "survivor");
    MqttBridge callerBridge = fixture.bridge();
    PuristaClient caller = PuristaClient.of(callerBridge, "caller");
    MessageAddress echo = service.echo;
    assertEquals("echo before", caller.invoke(echo, new Ping("before"), null, Ping.class, WAIT).text());

    MOSQUITTO.broker().kill();
    awaitTrue(() -> !server.isReady(), WAIT, "the bridge notices the drop");
    assertTrue(server.isHealthy(), "a reconnecting bridge is healthy, only not ready");
    MOSQUITTO.broker().startAgain();
    awaitTrue(() -> server.isReady() && callerBridge.isReady(), WAIT, "both bridges reconnect");

    assertEquals("echo after", caller.invoke(echo, new Ping("after"), null, Ping.class, WAIT).text(),
        "the command registered before the drop is served after it");
    caller.emit(service.durableEvent, new Ping("durable after"));
    caller.emit(service.looseEvent, new Ping("loose after"));
    awaitTrue(() -> service.durableSeen.contains("durable after") && service.looseSeen.contains("loose after"), WAIT,
        "the subscriptions registered before the drop are served after it");
  }

  @Test
  void aCallWhoseRequestWasLostEndsInATimeoutErrorAtItsDeadline() throws Exception {
    String service = unique("stranded");
    CountDownLatch taken = new CountDownLatch(1);
    MqttBridge server = fixture.bridge();
    fixture.serve(ServiceDefinition.builder(service, "1")
        .command(CommandDefinition.builder("slow", Ping.class, Void.class, Ping.class)
            .handler((ctx, ping, none) -> {
              taken.countDown();
              sleep(Duration.ofMillis(300));
              return new Ping("too late");
            }).build())
        .build(), server);
    PuristaClient caller = PuristaClient.of(fixture.bridge(), "caller");
    MessageAddress slow = MessageAddress.of(service, "1", "slow");
    Duration deadline = Duration.ofMillis(1500);

    long start = System.nanoTime();
    CompletableFuture<Ping> call = CompletableFuture.supplyAsync(
        () -> caller.invoke(slow, new Ping("lost"), null, Ping.class, deadline));
    assertTrue(taken.await(10, TimeUnit.SECONDS), "the handler took the call");
    MOSQUITTO.broker().kill();

    CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
        call::join);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    HandledError error = (HandledError) failure.getCause();
    assertEquals(FailureReason.TIMEOUT, error.reason(), "the lost response ends in a timeout: " + error);
    assertTrue(millis >= deadline.toMillis() - 50 && millis < deadline.toMillis() + 2_000,
        "ended after " + millis + " ms; the deadline was " + deadline.toMillis() + " ms");
  }

  @Test
  void aCallMadeWhileTheBrokerIsDownFailsAtOnceWithBridgeFailure() {
    MqttBridge bridge = fixture.bridge();
    PuristaClient caller = PuristaClient.of(bridge, "caller");
    MOSQUITTO.broker().kill();
    awaitTrue(() -> !bridge.isReady(), WAIT, "the bridge notices that the broker is gone");
    Duration deadline = Duration.ofSeconds(10);

    long start = System.nanoTime();
    HandledError error = org.junit.jupiter.api.Assertions.assertThrows(HandledError.class,
        () -> caller.invoke(MessageAddress.of(unique("any"), "1", "thing"), new Ping("x"), null, Ping.class,
            deadline));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals(FailureReason.BRIDGE_FAILURE, error.reason(), error.toString());
    assertEquals(StatusCode.SERVICE_UNAVAILABLE, error.status(), error.toString());
    assertTrue(millis < 2_000, "ended after " + millis + " ms; it should not wait for the 10 s deadline");
    assertFalse(MOSQUITTO.broker().isRunning());
  }

  @Test
  void anEventEmittedWhileTheBrokerStaysDownFailsWhenTheWaitForTheReconnectEnds() {
    Duration wait = Duration.ofMillis(800);
    PuristaClient emitter = PuristaClient.of(fixture.bridge(config -> config.defaultCommandTimeout(wait)), "emitter");
    MOSQUITTO.broker().kill();

    long start = System.nanoTime();
    HandledError error = org.junit.jupiter.api.Assertions.assertThrows(HandledError.class,
        () -> emitter.emit(unique("lost.event"), new Ping("x")));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals(FailureReason.BRIDGE_FAILURE, error.reason(), error.toString());
    assertTrue(error.getMessage().contains("no connection to the broker"), error.getMessage());
    assertTrue(millis >= wait.toMillis() - 50 && millis < wait.toMillis() + 2_000,
        "failed after " + millis + " ms; the wait was " + wait.toMillis() + " ms");
  }
}
