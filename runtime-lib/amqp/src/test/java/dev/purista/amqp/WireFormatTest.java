package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.purista.core.CommandDefinition;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.StatusCode;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.MessageType;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the bridge puts on the wire, read by a plain AMQP client that behaves like a PURISTA TypeScript caller: a
 * reply queue bound on {@code replyTo}, commands published to the headers exchange. Field by field against what
 * the original sends: every response carries its headers table and is persistent, and the {@code timestamp}
 * property holds epoch milliseconds.
 */
class WireFormatTest extends BrokerTestSupport {
  private static final String CALLER_INSTANCE = "ts-caller-1";
  private final ObjectMapper json = new ObjectMapper();

  record Text(String text) {
  }

  private Channel channel;
  private String replyQueue;

  @BeforeEach
  void serviceAndForeignCaller() throws IOException {
    Service service = ServiceDefinition.builder("echo", "1")
        .command(CommandDefinition.builder("say", Text.class, Void.class, Text.class)
            .handler((ctx, payload, parameter) -> new Text("echo " + payload.text())).build())
        .command(CommandDefinition.builder("refuse", Text.class, Void.class, Text.class)
            .handler((ctx, payload, parameter) -> {
              throw new HandledError(StatusCode.CONFLICT, "refused " + payload.text());
            }).build())
        .command(CommandDefinition.builder("announce", Text.class, Void.class, Text.class)
            .successEvent("announced")
            .handler((ctx, payload, parameter) -> new Text("announced " + payload.text())).build())
        .build()
        .getInstance(bridge());
    service.start();
    channel = inspector.createChannel();
    replyQueue = channel.queueDeclare("", false, true, true, null).getQueue();
    channel.queueBind(replyQueue, prefix, "", Map.of("x-match", "all", "replyTo", replyQueue));
  }

  @Test
  void aSuccessResponseCarriesTheOriginalsResponseHeadersAndIsPersistent() throws Exception {
    GetResponse reply = call("say", "hi");

    Map<String, Object> headers = reply.getProps().getHeaders();
    assertEquals("commandSuccessResponse", text(headers, "messageType"));
    assertEquals("echo", text(headers, "senderServiceName"));
    assertEquals("1", text(headers, "senderServiceVersion"));
    assertEquals("say", text(headers, "senderServiceTarget"));
    assertTrue(text(headers, "senderInstanceId") != null && !text(headers, "senderInstanceId").isEmpty());
    assertEquals("ts-caller", text(headers, "receiverServiceName"));
    assertEquals("1", text(headers, "receiverServiceVersion"));
    assertEquals("run", text(headers, "receiverServiceTarget"));
    assertEquals(CALLER_INSTANCE, text(headers, "receiverServiceInstanceId"));
    assertEquals(replyQueue, text(headers, "replyTo"));
    assertEquals(MessageConverter.PERSISTENT, reply.getProps().getDeliveryMode());
    assertEquals("echo hi", body(reply).path("payload").path("text").asText());
  }

  @Test
  void anErrorResponseCarriesTheHeadersToo() throws Exception {
    GetResponse reply = call("refuse", "it");

    Map<String, Object> headers = reply.getProps().getHeaders();
    assertEquals("commandErrorResponse", text(headers, "messageType"));
    assertEquals("echo", text(headers, "senderServiceName"));
    assertEquals(CALLER_INSTANCE, text(headers, "receiverServiceInstanceId"));
    assertEquals(replyQueue, text(headers, "replyTo"));
    assertEquals(MessageConverter.PERSISTENT, reply.getProps().getDeliveryMode());
    assertEquals(409, body(reply).path("payload").path("status").asInt());
  }

  @Test
  void aSuccessEventNamesItsEventAndReachesTheCallerThroughTheExchange() throws Exception {
    GetResponse reply = call("announce", "news");

    Map<String, Object> headers = reply.getProps().getHeaders();
    assertEquals("announced", text(headers, "eventName"));
    assertEquals(replyQueue, text(headers, "replyTo"));
    assertEquals("announced news", body(reply).path("payload").path("text").asText());
  }

  @Test
  void theTimestampPropertyHoldsTheEnvelopesEpochMilliseconds() throws Exception {
    GetResponse reply = call("say", "when");
    String events = channel.queueDeclare("", false, true, true, null).getQueue();
    channel.queueBind(events, prefix, "", Map.of("x-match", "all", "eventName", "ticked"));
    PuristaClient.of(bridge(), "clock").emit("ticked", new Text("now"));
    GetResponse event = takeOne(events);

    for (GetResponse message : new GetResponse[] {reply, event}) {
      long envelopeMillis = body(message).path("timestamp").asLong();
      // The Java client hands the 64-bit field over as a Date of that many seconds.
      long wireValue = message.getProps().getTimestamp().getTime() / 1000;
      assertEquals(envelopeMillis, wireValue, "the AMQP timestamp property is the envelope's epoch ms");
      assertTrue(envelopeMillis > 1_600_000_000_000L, "epoch milliseconds, not seconds: " + envelopeMillis);
    }
  }

  /** Publishes a command as PURISTA TypeScript does, to the headers exchange, and takes its response. */
  private GetResponse call(String command, String text) throws IOException {
    Message message = Message.builder(MessageType.COMMAND)
        .correlationId("corr-" + command)
        .sender(new MessageAddress("ts-caller", "1", "run", CALLER_INSTANCE))
        .receiver(MessageAddress.of("echo", "1", command))
        .payload(new CommandPayload(Map.of("text", text), null))
        .build();
    Map<String, Object> headers = new HashMap<>(RoutingHeaders.of(message));
    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
        .messageId(message.id())
        .correlationId(message.correlationId())
        .contentType("application/json")
        .contentEncoding("utf-8")
        .replyTo(replyQueue)
        .deliveryMode(MessageConverter.PERSISTENT)
        .headers(headers)
        .build();
    channel.basicPublish(prefix, "", properties, new MessageCodec().encode(message));
    return takeOne(replyQueue);
  }

  private JsonNode body(GetResponse response) throws IOException {
    return json.readTree(response.getBody());
  }

  private static String text(Map<String, Object> headers, String name) {
    return RoutingHeaders.text(headers, name);
  }
}
