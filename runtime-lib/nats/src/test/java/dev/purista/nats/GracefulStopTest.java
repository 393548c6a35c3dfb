package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code stop()} stops taking work, lets what is in flight finish and answer, and only then disconnects.
 */
class GracefulStopTest {
  record Job(String name) {
  }

  private final List<NatsBridge> bridges = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();
  private final String serviceName = "stopping" + MessageIds.newId().substring(0, 10);

  @AfterEach
  void stopEverything() {
    services.forEach(s -> s.stop(Duration.ofSeconds(5)));
    bridges.forEach(NatsBridge::stop);
  }

  private NatsBridge bridge() {
    NatsBridge bridge = NatsTestSupport.bridge();
    bridge.start();
    bridges.add(bridge);
    return bridge;
  }

  private void serve(NatsBridge bridge, ServiceDefinition definition) {
    Service service = definition.getInstance(bridge);
    service.start();
    services.add(service);
  }

  @Test
  void aCommandInFlightIsAnsweredBeforeTheConnectionCloses() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    NatsBridge serving = bridge();
    serve(serving, ServiceDefinition.builder(serviceName, "1")
        .command(CommandDefinition.builder("slow", Job.class, Void.class, Job.class)
            .handler((ctx, job, ignored) -> {
              started.countDown();
              Thread.sleep(700);
              return new Job(job.name() + " done");
            }).build())
        .build());
    NatsBridge calling = bridge();
    MessageAddress slow = MessageAddress.of(serviceName, "1", "slow");
    CompletableFuture<Message> call = calling.invoke(command(slow, "late work"), Duration.ofSeconds(10));
    assertTrue(started.await(5, TimeUnit.SECONDS), "handler started");

    long start = System.nanoTime();
    serving.stop();
    long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    Message response = call.get(5, TimeUnit.SECONDS);
    assertEquals(MessageType.COMMAND_SUCCESS_RESPONSE, response.messageType());
    assertEquals(java.util.Map.of("name", "late work done"), response.payload());
    assertTrue(stopMillis >= 400, "stop waited for the handler: " + stopMillis + " ms");
    assertFalse(serving.isReady());
    HandledError error = assertThrows(HandledError.class,
        () -> PuristaClient.of(calling, "caller").invoke(slow, new Job("after"), null, Job.class));
    assertEquals(FailureReason.NO_HANDLERS, error.reason(), "a stopped bridge no longer serves");
  }

  @Test
  void aDurableEventInFlightIsAcknowledgedAndNotDeliveredAgain() throws Exception {
    String event = "jobQueued" + MessageIds.newId().substring(0, 10);
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    SubscriptionDefinition<Job, Void> work = SubscriptionDefinition.builder("work", Job.class, Void.class)
        .event(event)
        .handler((ctx, job) -> {
          started.countDown();
          Thread.sleep(500);
          handled.incrementAndGet();
          return null;
        }).build();
    NatsBridge first = bridge();
    serve(first, ServiceDefinition.builder(serviceName, "1").subscription(work).build());
    PuristaClient.of(bridge(), "producer").emit(event, new Job("once"));
    assertTrue(started.await(5, TimeUnit.SECONDS), "handler started");

    first.stop();
    assertEquals(1, handled.get(), "stop returned after the handler finished");
    serve(bridge(), ServiceDefinition.builder(serviceName, "1").subscription(work).build());

    // Past the ack wait (2 s): an event stopped without its acknowledgement would be redelivered by now.
    Eventually.pause(Duration.ofMillis(2_700));
    assertEquals(1, handled.get(), "the event was acknowledged before the connection closed");
  }

  @Test
  void aCallStillWaitingWhenItsBridgeStopsFailsInsteadOfHanging() {
    CountDownLatch never = new CountDownLatch(1);
    serve(bridge(), ServiceDefinition.builder(serviceName, "1")
        .command(CommandDefinition.builder("stuck", Job.class, Void.class, Job.class)
            .handler((ctx, job, ignored) -> {
              never.await(20, TimeUnit.SECONDS);
              return job;
            }).build())
        .build());
    NatsBridge calling = bridge();
    CompletableFuture<Message> call = calling.invoke(command(MessageAddress.of(serviceName, "1", "stuck"), "x"),
        Duration.ofSeconds(30));

    calling.stop();

    ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
    HandledError error = (HandledError) failed.getCause();
    assertEquals(FailureReason.BRIDGE_FAILURE, error.reason());
    never.countDown();
  }

  private static Message command(MessageAddress receiver, String name) {
    return Message.builder(MessageType.COMMAND)
        .correlationId(MessageIds.newId())
        .sender(MessageAddress.of("caller", "1", "test"))
        .receiver(receiver)
        .payload(new CommandPayload(java.util.Map.of("name", name), null))
        .build();
  }
}
