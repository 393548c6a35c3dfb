package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import io.nats.client.JetStream;
import io.nats.client.api.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Garbage and foreign messages on the command and event subjects of running endpoints: each is logged and
 * dropped (or dead-lettered, on a durable subscription), and the endpoints go on serving.
 */
class MalformedMessageTest {
  private static final List<byte[]> GARBAGE = List.of(
      "not json at all".getBytes(StandardCharsets.UTF_8),
      new byte[] {(byte) 0xff, 0x00, 0x13, (byte) 0x80},
      "{\"hello\":\"a foreign application\"}".getBytes(StandardCharsets.UTF_8),
      "[1,2,3]".getBytes(StandardCharsets.UTF_8),
      "{\"messageType\":\"command\",\"id\":\"x\",\"timestamp\":1}".getBytes(StandardCharsets.UTF_8),
      new byte[0]);

  record Item(String name) {
  }

  @Test
  void garbageOnCommandAndEventSubjectsDoesNotStopTheBridge() throws Exception {
    String unique = MessageIds.newId().substring(0, 10);
    String serviceName = "sturdy" + unique;
    String event = "itemAdded" + unique;
    NatsBridge serving = NatsTestSupport.bridge();
    NatsBridge calling = NatsTestSupport.bridge();
    serving.start();
    calling.start();
    List<Item> durableSeen = new CopyOnWriteArrayList<>();
    List<Item> plainSeen = new CopyOnWriteArrayList<>();
    Service service = ServiceDefinition.builder(serviceName, "1")
        .command(CommandDefinition.builder("add", Item.class, Void.class, Item.class)
            .handler((ctx, item, ignored) -> new Item(item.name() + " added")).build())
        .subscription(SubscriptionDefinition.builder("durableSink", Item.class, Void.class).event(event)
            .handler((ctx, item) -> record(durableSeen, item)).build())
        .subscription(SubscriptionDefinition.builder("plainSink", Item.class, Void.class).event(event)
            .durable(false).handler((ctx, item) -> record(plainSeen, item)).build())
        .build().getInstance(serving);
    service.start();
    NatsTopology topology = new NatsTopology(NatsBridgeConfig.DEFAULT_PREFIX, NatsBridgeConfig.DEFAULT_EMPTY_PART);
    MessageAddress sender = new MessageAddress("stranger", "1", "raw", "raw-instance");
    String commandSubject = topology.subjectOf(Message.builder(MessageType.COMMAND).sender(sender)
        .receiver(MessageAddress.of(serviceName, "1", "add")).correlationId("c").build());
    String eventSubject = topology.subjectOf(Message.builder(MessageType.CUSTOM_MESSAGE).sender(sender)
        .eventName(event).build());

    try (BrokerProbe probe = new BrokerProbe(NatsTestSupport.brokerUrl())) {
      JetStream jetStream = probe.connection.jetStream();
      byte[] eventOnCommandRoute = new MessageCodec().encode(Message.builder(MessageType.CUSTOM_MESSAGE)
          .sender(sender).eventName("notACommand").build());
      assertNull(probe.connection.request(commandSubject, eventOnCommandRoute, Duration.ofMillis(300)),
          "a valid message that is not a command gets no answer");
      for (byte[] garbage : GARBAGE) {
        assertNull(probe.connection.request(commandSubject, garbage, Duration.ofMillis(300)),
            "garbage on a command subject gets no answer");
        probe.connection.publish(eventSubject, garbage);
      }
      jetStream.publish(eventSubject, "{broken".getBytes(StandardCharsets.UTF_8));

      PuristaClient client = PuristaClient.of(calling, "client");
      Item reply = client.invoke(MessageAddress.of(serviceName, "1", "add"), new Item("pen"), null, Item.class,
          Duration.ofSeconds(5));
      assertEquals("pen added", reply.name(), "the command is still served");
      client.emit(event, new Item("book"));
      Eventually.await(Duration.ofSeconds(10), "both subscriptions still get events",
          () -> durableSeen.size() == 1 && plainSeen.size() == 1);
      assertEquals("book", durableSeen.get(0).name());
      assertEquals("book", plainSeen.get(0).name());

      String deadLetterSubject = "purista.dead_letter." + new SubjectTokens().token(serviceName) + ".1.durable_sink";
      Eventually.await(Duration.ofSeconds(5), "the garbage on the durable route is dead-lettered",
          () -> lastDeadLetter(probe, deadLetterSubject) != null);
      MessageInfo dead = lastDeadLetter(probe, deadLetterSubject);
      assertEquals("{broken", new String(dead.getData(), StandardCharsets.UTF_8));
      assertTrue(dead.getHeaders().getFirst(DeadLetters.REASON).startsWith("malformed message: not JSON"),
          dead.getHeaders().getFirst(DeadLetters.REASON));
      assertEquals("1", dead.getHeaders().getFirst(DeadLetters.ATTEMPT), "no retries for what cannot be read");
    } finally {
      service.stop(Duration.ofSeconds(5));
      serving.stop();
      calling.stop();
    }
  }

  private static MessageInfo lastDeadLetter(BrokerProbe probe, String subject) {
    try {
      return probe.lastMessage("PURISTA_DEAD_LETTER", subject).orElse(null);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Void record(List<Item> sink, Item item) {
    sink.add(item);
    return null;
  }
}
