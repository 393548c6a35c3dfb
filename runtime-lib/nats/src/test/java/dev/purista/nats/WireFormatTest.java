package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What the bridge puts on the wire, read by a plain NATS client listening on every subject: a command, its
 * response and an event each carry the NATS headers PURISTA TypeScript sets (the envelope's routing fields under
 * the original's names), and an empty subject part is the original's {@code empty}.
 */
class WireFormatTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  record Text(String text) {
  }

  @Test
  void commandResponseAndEventCarryTheOriginalsHeadersAndSubjects() throws Exception {
    String unique = MessageIds.newId().substring(0, 10);
    String serviceName = "wire" + unique;
    String eventName = "announced" + unique;
    List<Message> seen = new CopyOnWriteArrayList<>();
    NatsBridge serving = NatsTestSupport.bridge();
    NatsBridge calling = NatsTestSupport.bridge();
    try (BrokerProbe probe = new BrokerProbe(NatsTestSupport.brokerUrl())) {
      Dispatcher listener = probe.connection.createDispatcher(seen::add);
      listener.subscribe("purista.>");
      listener.subscribe("_INBOX.>");
      probe.connection.flush(WAIT);
      serving.start();
      calling.start();
      Service service = ServiceDefinition.builder(serviceName, "1")
          .command(CommandDefinition.builder("announce", Text.class, Void.class, Text.class)
              .successEvent(eventName)
              .handler((ctx, payload, parameter) -> new Text("announced " + payload.text())).build())
          .build().getInstance(serving);
      service.start();

      Text answer = PuristaClient.of(calling, "caller")
          .invoke(MessageAddress.of(serviceName, "1", "announce"), new Text("news"), null, Text.class, WAIT);

      assertEquals("announced news", answer.text());
      Message command = awaitOne(seen, "command", "receiverServiceName", serviceName);
      Message response = awaitOne(seen, "commandSuccessResponse", "senderServiceName", serviceName);
      Headers commandHeaders = command.getHeaders();
      assertEquals("caller", commandHeaders.getFirst("senderServiceName"));
      assertEquals("1", commandHeaders.getFirst("receiverServiceVersion"));
      assertEquals("announce", commandHeaders.getFirst("receiverServiceTarget"));
      assertNotNull(commandHeaders.getFirst("senderInstanceId"));
      assertNull(commandHeaders.getFirst("eventName"), "a command names no event");
      // Principal and tenant are not set, so those subject parts are the original's placeholder.
      assertEquals("empty", command.getSubject().split("\\.")[2]);
      assertEquals("empty", command.getSubject().split("\\.")[3]);

      Headers responseHeaders = response.getHeaders();
      assertFalse(response.getSubject().startsWith("purista."), "the response goes to the caller's inbox");
      assertEquals("1", responseHeaders.getFirst("senderServiceVersion"));
      assertEquals("announce", responseHeaders.getFirst("senderServiceTarget"));
      assertEquals("caller", responseHeaders.getFirst("receiverServiceName"));
      assertEquals(commandHeaders.getFirst("senderInstanceId"), responseHeaders.getFirst("receiverInstanceId"));
      assertEquals(eventName, responseHeaders.getFirst("eventName"));

      Message event = awaitOne(seen, "commandSuccessResponse", "eventName", eventName, "purista.");
      assertEquals(serviceName, event.getHeaders().getFirst("senderServiceName"));
      service.stop(Duration.ofSeconds(5));
    } finally {
      calling.stop();
      serving.stop();
    }
  }

  private static Message awaitOne(List<Message> seen, String messageType, String header, String value) {
    return awaitOne(seen, messageType, header, value, "");
  }

  private static Message awaitOne(List<Message> seen, String messageType, String header, String value,
      String subjectPrefix) {
    Message[] found = new Message[1];
    Eventually.await(WAIT, "a " + messageType + " with " + header + "=" + value + " on " + subjectPrefix + "...",
        () -> {
          for (Message message : seen) {
            Headers headers = message.getHeaders();
            if (headers != null && messageType.equals(headers.getFirst("messageType"))
                && value.equals(headers.getFirst(header)) && message.getSubject().startsWith(subjectPrefix)) {
              found[0] = message;
              return true;
            }
          }
          return false;
        });
    return found[0];
  }
}
