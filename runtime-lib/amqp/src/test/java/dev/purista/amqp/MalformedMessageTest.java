package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.MessageAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Garbage and foreign messages on the broker, on the routes a command and a subscription consume: each is logged
 * and dead-lettered, and the bridge goes on serving.
 */
class MalformedMessageTest extends BrokerTestSupport {

  record Text(String text) {
  }

  @Test
  void garbageOnCommandAndEventRoutesIsDeadLetteredAndTheBridgeKeepsServing() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    AmqpBridge serverBridge = bridge();
    Service service = ServiceDefinition.builder("echo", "1")
        .command(CommandDefinition.builder("say", Text.class, Void.class, Text.class)
            .handler((ctx, payload, parameter) -> new Text("echo " + payload.text())).build())
        .subscription(SubscriptionDefinition.builder("onSaid", Text.class, Void.class).event("said")
            .handler((ctx, payload) -> {
              events.add(payload.text());
              return null;
            }).build())
        .build()
        .getInstance(serverBridge);
    service.start();
    AmqpBridge clientBridge = bridge();
    PuristaClient client = PuristaClient.of(clientBridge, "caller");
    MessageAddress say = MessageAddress.of("echo", "1", "say");

    List<String> garbage = new ArrayList<>();
    try (Channel channel = inspector.createChannel()) {
      Map<String, Object> commandRoute = Map.of("messageType", "command", "receiverServiceName", "echo",
          "receiverServiceVersion", "1", "receiverServiceTarget", "say");
      Map<String, Object> eventRoute = Map.of("eventName", "said");
      garbage.add(publish(channel, commandRoute, "replies", "{not json"));
      garbage.add(publish(channel, commandRoute, "replies", "{\"foreign\":\"system\",\"payload\":[1,2]}"));
      garbage.add(publish(channel, commandRoute, "replies", new String(new byte[] {0, 1, 2, (byte) 0xff},
          StandardCharsets.ISO_8859_1)));
      garbage.add(publish(channel, commandRoute, null, validEnvelopeOfTheWrongType()));
      garbage.add(publish(channel, eventRoute, null, "\"just a string\""));
      garbage.add(publish(channel, eventRoute, null, "{\"messageType\":\"customMessage\",\"id\":\"x\"}"));
      garbage.add(publish(channel, eventRoute, null, ""));
      // The reply queue of the client bridge: garbage there is dropped, it has no dead-letter duty.
      channel.basicPublish("", prefix + ".reply." + clientBridge.instanceId(), null,
          "garbage reply".getBytes(StandardCharsets.UTF_8));
    }

    Text answer = client.invoke(say, new Text("still here"), null, Text.class, WAIT);
    client.emit("said", new Text("after garbage"));

    assertEquals("echo still here", answer.text());
    awaitTrue(() -> events.contains("after garbage"), "the event after the garbage was handled");
    List<String> reasons = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < garbage.size(); i++) {
      GetResponse dead = takeOne(prefix + ".dead-letter");
      reasons.add(header(dead, "x-purista-dead-letter-reason"));
      ids.add(dead.getProps().getMessageId());
    }
    assertEquals(garbage.stream().sorted().toList(), ids.stream().sorted().toList(), "every garbage message");
    assertTrue(reasons.stream().allMatch(reason -> reason.startsWith("malformed message")
        || reason.startsWith("not a command")), String.valueOf(reasons));
    assertEquals(List.of("after garbage"), events, "no garbage reached the handler");
    assertTrue(clientBridge.isReady() && serverBridge.isReady());
    assertTrue(service.stop(Duration.ofSeconds(5)));
  }

  private String validEnvelopeOfTheWrongType() {
    return "{\"messageType\":\"customMessage\",\"id\":\"e1\",\"timestamp\":1,\"eventName\":\"x\","
        + "\"sender\":{\"serviceName\":\"a\",\"serviceVersion\":\"1\",\"serviceTarget\":\"b\"}}";
  }

  private String publish(Channel channel, Map<String, Object> headers, String replyTo, String body)
      throws IOException {
    String id = "garbage-" + java.util.UUID.randomUUID();
    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
        .messageId(id)
        .headers(new HashMap<>(headers))
        .replyTo(replyTo)
        .correlationId("c-" + id)
        .build();
    channel.basicPublish(prefix, "", properties, body.getBytes(StandardCharsets.ISO_8859_1));
    return id;
  }
}
