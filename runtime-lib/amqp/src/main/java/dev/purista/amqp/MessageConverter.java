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
   * A command response. A plain response goes straight to the caller's reply queue and needs no routing headers;
   * a success event also carries the {@code replyTo} header the caller's reply queue is bound on and the event
   * name subscriptions are bound on, and is persistent because durable subscriptions receive it.
   */
  AMQP.BasicProperties response(Message response, String replyQueue) {
    if (!response.isEvent()) {
      // The broker parses every header of every message; these would route nothing.
      return base(response, null, TRANSIENT).build();
    }
    Map<String, Object> headers = RoutingHeaders.of(response);
    headers.put(RoutingHeaders.REPLY_TO, replyQueue);
    return base(response, headers, PERSISTENT).build();
  }

  /** An event: persistent, so that durable subscription queues keep it across a broker restart. */
  AMQP.BasicProperties event(Message event) {
    return base(event, RoutingHeaders.of(event), PERSISTENT).build();
  }

  private static AMQP.BasicProperties.Builder base(Message message, Map<String, Object> headers, int deliveryMode) {
    return new AMQP.BasicProperties.Builder()
        .messageId(message.id())
        .timestamp(new Date(message.timestamp()))
        // The body is always the JSON envelope; the payload's own content type travels inside it.
        .contentType(Message.JSON)
        .contentEncoding(Message.UTF_8)
        .type(message.messageType().wireName())
        .correlationId(message.correlationId())
        .deliveryMode(deliveryMode)
        .headers(headers);
  }
}
