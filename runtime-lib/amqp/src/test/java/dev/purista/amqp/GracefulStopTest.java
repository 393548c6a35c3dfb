package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.Messages;
import dev.purista.core.message.SubscriptionFilter;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.SubscriptionSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stop: stop consuming, let in-flight handlers finish and be acknowledged or answered, then close. */
class GracefulStopTest extends BrokerTestSupport {
  private static final Duration HANDLER_TIME = Duration.ofMillis(1500);

  private static SubscriptionSpec durable() {
    return new SubscriptionSpec(MessageAddress.of("mailer", "1", "onSignedUp"),
        SubscriptionFilter.forEvent("signedUp"), true, true);
  }

  @Test
  void aHandlerInFlightFinishesAndIsAcknowledgedAndNewMessagesStayQueued() throws Exception {
    AmqpBridge publisher = bridge();
    AmqpBridge stopping = new AmqpBridge(TestBroker.config(prefix).build());
    stopping.start();
    CountDownLatch started = new CountDownLatch(1);
    List<Object> finished = new CopyOnWriteArrayList<>();
    stopping.registerSubscription(durable(), message -> {
      started.countDown();
      return CompletableFuture.runAsync(() -> {
        sleep(HANDLER_TIME);
        finished.add(message.payload());
      });
    });
    publisher.emit(event("signedUp", "in flight")).join();
    assertTrue(started.await(10, TimeUnit.SECONDS));

    CompletableFuture<Void> stop = CompletableFuture.runAsync(stopping::stop);
    awaitTrue(() -> consumers(prefix + ".sub.mailer.1.onSignedUp") == 0, "the consumer was cancelled");
    assertFalse(stop.isDone(), "stop still waits for the handler in flight");
    publisher.emit(event("signedUp", "after stop began")).join();
    stop.get(10, TimeUnit.SECONDS);

    assertEquals(List.of("in flight"), finished, "the in-flight handler finished before stop returned, and "
        + "the later event was not taken");
    assertFalse(stopping.isReady());
    assertEquals(1, depth(prefix + ".sub.mailer.1.onSignedUp"), "only the later event waits");
    List<Object> next = new CopyOnWriteArrayList<>();
    bridge().registerSubscription(durable(), message -> {
      next.add(message.payload());
      return CompletableFuture.completedFuture(null);
    });
    awaitTrue(() -> next.size() == 1, "the next instance got the waiting event");
    sleep(Duration.ofMillis(300));
    assertEquals(List.of("after stop began"), next, "the in-flight event was acknowledged, not delivered again");
  }

  @Test
  void aCommandInFlightIsAnsweredBeforeTheConnectionCloses() throws Exception {
    AmqpBridge caller = bridge();
    AmqpBridge stopping = new AmqpBridge(TestBroker.config(prefix).build());
    stopping.start();
    CountDownLatch started = new CountDownLatch(1);
    MessageAddress address = MessageAddress.of("billing", "1", "charge");
    stopping.registerCommand(new CommandSpec(address, null), command -> {
      started.countDown();
      return CompletableFuture.supplyAsync(() -> {
        sleep(HANDLER_TIME);
        return Messages.successResponse(command, "charged", null, Messages.responder(command,
            stopping.instanceId()));
      });
    });

    CompletableFuture<Message> call = caller.invoke(command(address, caller), Duration.ofSeconds(10));
    assertTrue(started.await(10, TimeUnit.SECONDS));
    stopping.stop();

    Message response = call.get(1, TimeUnit.SECONDS);
    assertEquals(MessageType.COMMAND_SUCCESS_RESPONSE, response.messageType());
    assertEquals("charged", response.payload());
    CompletionException afterStop = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
        () -> caller.invoke(command(address, caller), Duration.ofSeconds(10)).join());
    assertEquals(FailureReason.NO_HANDLERS, ((HandledError) afterStop.getCause()).reason(),
        "the stopped instance left, and with it the command queue");
  }

  @Test
  void stopIsIdempotentAndABridgeCanStartAgain() throws IOException {
    AmqpBridge bridge = bridge();
    bridge.stop();
    bridge.stop();
    assertFalse(bridge.isReady());
    assertFalse(bridge.isHealthy());
    bridge.start();
    assertTrue(bridge.isReady());
    bridge.emit(event("restarted", 1)).join();
    assertEquals(0, depth(prefix + ".dead-letter"));
  }

  private long consumers(String queue) {
    try (com.rabbitmq.client.Channel channel = inspector.createChannel()) {
      return channel.queueDeclarePassive(queue).getConsumerCount();
    } catch (IOException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  private static Message command(MessageAddress address, AmqpBridge caller) {
    return Message.builder(MessageType.COMMAND)
        .correlationId(MessageIds.newId())
        .sender(new MessageAddress("shop", "1", "checkout", caller.instanceId()))
        .receiver(address)
        .payload(new CommandPayload(java.util.Map.of("cents", 100), null))
        .build();
  }
}
