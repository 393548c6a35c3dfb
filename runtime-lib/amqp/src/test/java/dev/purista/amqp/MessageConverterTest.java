package dev.purista.amqp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.rabbitmq.client.AMQP;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.Messages;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each kind of message looks like on the wire: delivery mode, expiry, reply address, headers. */
class MessageConverterTest {
  private final MessageConverter converter = new MessageConverter(new MessageCodec());
  private final Message command = Message.builder(MessageType.COMMAND)
      .correlationId("corr-1")
      .sender(new MessageAddress("shop", "1", "checkout", "i-1"))
      .receiver(MessageAddress.of("billing", "1", "charge"))
      .payload(new CommandPayload(Map.of("cents", 5), null))
      .build();

  @Test
  void aCommandIsTransientRepliesToTheReplyQueueAndExpiresAtTheCallersDeadline() {
    AMQP.BasicProperties properties = converter.command(command, "p.reply.i-1", Duration.ofMillis(1500));

    assertEquals(MessageConverter.TRANSIENT, properties.getDeliveryMode());
    assertEquals("p.reply.i-1", properties.getReplyTo());
    assertEquals("1500", properties.getExpiration());
    assertEquals("corr-1", properties.getCorrelationId());
    assertEquals("command", properties.getType());
    assertEquals("billing", properties.getHeaders().get("receiverServiceName"));
  }

  @Test
  void everyResponseCarriesTheResponseHeadersAndIsPersistent() {
    Message plain = Messages.successResponse(command, "ok", null, MessageAddress.of("billing", "1", "charge"));
    Message event = Messages.successResponse(command, "ok", "charged", MessageAddress.of("billing", "1", "charge"));

    AMQP.BasicProperties plainProperties = converter.response(plain, "p.reply.i-1");
    AMQP.BasicProperties eventProperties = converter.response(event, "p.reply.i-1");

    assertEquals("p.reply.i-1", plainProperties.getHeaders().get("replyTo"));
    assertEquals("i-1", plainProperties.getHeaders().get("receiverServiceInstanceId"));
    assertEquals("commandSuccessResponse", plainProperties.getHeaders().get("messageType"));
    assertNull(plainProperties.getHeaders().get("eventName"));
    assertEquals(MessageConverter.PERSISTENT, plainProperties.getDeliveryMode());
    assertEquals("p.reply.i-1", eventProperties.getHeaders().get("replyTo"));
    assertEquals("charged", eventProperties.getHeaders().get("eventName"));
    assertEquals(MessageConverter.PERSISTENT, eventProperties.getDeliveryMode());
  }

  @Test
  void anEventIsPersistentAndTheBodyIsTheEnvelopeAsItIs() throws MalformedMessageException {
    Message event = Message.builder(MessageType.CUSTOM_MESSAGE).eventName("charged")
        .sender(new MessageAddress("billing", "1", "charge", "i-2")).payload(Map.of("cents", 5)).build();

    AMQP.BasicProperties properties = converter.event(event);
    byte[] body = converter.body(event);

    assertEquals(MessageConverter.PERSISTENT, properties.getDeliveryMode());
    assertEquals(event.id(), properties.getMessageId());
    assertEquals("application/json", properties.getContentType());
    assertArrayEquals(new MessageCodec().encode(event), body);
    assertEquals(event, converter.read(body));
  }
}
