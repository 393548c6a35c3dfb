package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.SubscriptionFilter;
import dev.purista.core.spi.SubscriptionSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A registration the broker refuses fails with the broker's reason, and the bridge goes on working. */
class RegistrationErrorsTest extends BrokerTestSupport {

  @Test
  void aQueueThatExistsWithOtherSettingsFailsTheRegistrationAndNothingElse() throws Exception {
    try (Channel channel = inspector.createChannel()) {
      channel.queueDeclare(prefix + ".sub.ledger.1.onTaken", true, false, false, Map.of("x-max-length", 5));
    }
    AmqpBridge bridge = bridge();
    SubscriptionSpec clashing = new SubscriptionSpec(MessageAddress.of("ledger", "1", "onTaken"),
        SubscriptionFilter.forEvent("taken"), true, true);

    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> bridge.registerSubscription(clashing, message -> CompletableFuture.completedFuture(null)));

    assertTrue(error.getMessage().contains("PRECONDITION_FAILED"), error.getMessage());
    List<Object> received = new CopyOnWriteArrayList<>();
    bridge.registerSubscription(new SubscriptionSpec(MessageAddress.of("ledger", "1", "onFine"),
        SubscriptionFilter.forEvent("fine"), true, true), message -> {
          received.add(message.payload());
          return CompletableFuture.completedFuture(null);
        });
    bridge.emit(event("fine", "still working")).join();
    awaitTrue(() -> received.size() == 1, "a later registration works");
    assertEquals(List.of("still working"), received);
  }

  @Test
  void registeringOnABridgeThatIsNotStartedFails() {
    AmqpBridge bridge = new AmqpBridge(TestBroker.config(prefix).build());

    IllegalStateException error = assertThrows(IllegalStateException.class, () -> bridge.registerSubscription(
        new SubscriptionSpec(MessageAddress.of("a", "1", "b"), SubscriptionFilter.forEvent("e"), true, true),
        message -> CompletableFuture.completedFuture(null)));

    assertTrue(error.getMessage().contains("not started"), error.getMessage());
  }
}
