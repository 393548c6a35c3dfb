package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.SubscriptionFilter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PURISTA's names and routing headers, so that a TypeScript service on the same broker finds our queues. */
class TopologyNamesTest {
  private final AmqpNames names = new AmqpNames("purista", "purista");

  @Test
  void queueNamesFollowPurista() {
    assertEquals("purista.cmd.user.1.signUp", names.commandQueue(MessageAddress.of("user", "1", "signUp")));
    assertEquals("purista.sub.email.2.sendWelcome",
        names.sharedSubscriptionQueue(MessageAddress.of("email", "2", "sendWelcome")));
    assertEquals("purista.sub.email.2.sendWelcome.i-1",
        names.instanceSubscriptionQueue(MessageAddress.of("email", "2", "sendWelcome"), "i-1"));
    assertEquals("purista.reply.i-1", names.replyQueue("i-1"));
    assertEquals("purista.dead-letter", names.deadLetterQueue());
    assertEquals("purista.dead-letter", names.deadLetterExchange());
    assertEquals("p.cmd.a.1.b", new AmqpNames("x", "p.").commandQueue(MessageAddress.of("a", "1", "b")),
        "a prefix with its trailing dot names the same queues");
  }

  @Test
  void aCommandCarriesTheHeadersItsQueueIsBoundOn() {
    Message command = Message.builder(MessageType.COMMAND)
        .correlationId("c")
        .sender(new MessageAddress("shop", "1", "checkout", "i-9"))
        .receiver(MessageAddress.of("user", "1", "signUp"))
        .tenantId("t1")
        .build();

    Map<String, Object> headers = RoutingHeaders.of(command);
    Map<String, Object> binding = RoutingHeaders.commandBinding(MessageAddress.of("user", "1", "signUp"));

    assertEquals("all", binding.get("x-match"));
    binding.forEach((key, value) -> {
      if (!key.equals("x-match")) {
        assertEquals(value, headers.get(key), key);
      }
    });
    assertEquals("shop", headers.get("senderServiceName"));
    assertEquals("i-9", headers.get("senderInstanceId"));
    assertEquals("t1", headers.get("tenantId"));
    assertFalse(headers.containsKey("principalId"), "unset fields are left out");
  }

  @Test
  void aSubscriptionIsBoundOnEveryFilterFieldThatIsSet() {
    SubscriptionFilter filter = SubscriptionFilter.builder().eventName("user.signedUp")
        .sentFrom("user", "1", null, null).tenantId("t1").build();

    Map<String, Object> binding = RoutingHeaders.subscriptionBinding(filter);

    assertEquals(Map.of("x-match", "all", "eventName", "user.signedUp", "senderServiceName", "user",
        "senderServiceVersion", "1", "tenantId", "t1"), binding);
  }
}
