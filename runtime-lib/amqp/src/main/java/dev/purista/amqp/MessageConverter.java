package dev.purista.amqp;

import com.rabbitmq.client.AMQP;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageCodec;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

/**
 * Turns envelopes into AMQP messages and back. The body is PURISTA's JSON envelope as it is; the AMQP properties
 * repeat what a broker or a foreign consumer needs without reading the body (id, type, correlation id, content
 * type) and the headers carry the routing fields.
 */
final class MessageConverter {
  /** AMQP delivery mode 2: the broker writes the message to disk when it reaches a durable queue. */
  static final int PERSISTENT = 2;
  static final int TRANSIENT = 1;

  private final MessageCodec codec;

  MessageConverter(MessageCodec codec) {
    this.codec = codec;
  }

  byte[] body(Message message) {
    return codec.encode(message);
  }

  Message read(byte[] body) throws MalformedMessageException {
    return codec.decode(body);
  }

  /**
   * A command: transient, answered to {@code replyQueue}, dropped by the broker once the caller gave up. It
   * carries PURISTA's routing headers, so that it can also be routed by the headers exchange.
   */
  AMQP.BasicProperties command(Message command, String replyQueue, Duration timeout) {
    return base(command, RoutingHeaders.of(command), TRANSIENT)
        .replyTo(replyQueue)
        // The caller stops waiting at its deadline; a command still queued then would only run for nobody.
        .expiration(Long.toString(Math.max(1, timeout.toMillis())))
        .build();
  }

  /**
   * A command response, with PURISTA's response headers and persistent as PURISTA TypeScript sends it. A plain
   * response goes straight to the caller's reply queue; a success event goes through the headers exchange, where
   * the caller's reply queue is bound on {@code replyTo} and subscriptions on the event name. Persistence costs
   * nothing on the exclusive, non-durable reply queue, and durable subscriptions need it for the event.
   */
  AMQP.BasicProperties response(Message response, String replyQueue) {
    return base(response, RoutingHeaders.ofResponse(response, replyQueue), PERSISTENT).build();
  }

  /** An event: persistent, so that durable subscription queues keep it across a broker restart. */
  AMQP.BasicProperties event(Message event) {
    return base(event, RoutingHeaders.of(event), PERSISTENT).build();
  }

  /**
   * The AMQP {@code timestamp} property holding epoch milliseconds, as PURISTA TypeScript writes it (amqplib puts
   * the envelope's millisecond timestamp into the field unchanged). The Java client writes a {@link Date} as
   * seconds, so the date handed to it is scaled up by 1000. The property is informational: both sides read the
   * envelope's own {@code timestamp}.
   */
  static Date wireTimestamp(long epochMillis) {
    return new Date(epochMillis * 1000);
  }

  private static AMQP.BasicProperties.Builder base(Message message, Map<String, Object> headers, int deliveryMode) {
    return new AMQP.BasicProperties.Builder()
        .messageId(message.id())
        .timestamp(wireTimestamp(message.timestamp()))
        // The body is always the JSON envelope; the payload's own content type travels inside it.
        .contentType(Message.JSON)
        .contentEncoding(Message.UTF_8)
        .type(message.messageType().wireName())
        .correlationId(message.correlationId())
        .deliveryMode(deliveryMode)
        .headers(headers);
  }
}
