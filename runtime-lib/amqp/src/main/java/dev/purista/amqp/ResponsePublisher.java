package dev.purista.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import dev.purista.core.UnhandledError;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.Messages;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a command's response to its caller, then acknowledges the command.
 *
 * <ul>
 *   <li>A plain response goes through the default exchange straight to the caller's reply queue (the AMQP
 *       {@code replyTo} property). The broker routes that in constant time, whereas a headers exchange tests
 *       every binding it has; a PURISTA TypeScript caller receives it the same way, since its reply queue is a
 *       queue like ours.</li>
 *   <li>A success response that carries an event name is also an event: it goes through the headers exchange,
 *       where the caller's reply queue is bound on the {@code replyTo} header and subscriptions on the event
 *       name. It is persistent and confirmed, and the command is acknowledged after the confirm, so that a
 *       crash repeats the command rather than losing the event.</li>
 * </ul>
 */
final class ResponsePublisher {
  private static final Logger LOG = LoggerFactory.getLogger(ResponsePublisher.class);

  private final ReopeningChannel channel;
  private final ConfirmingPublisher confirming;
  private final MessageConverter converter;
  private final AmqpNames names;
  private final Duration confirmDeadline;

  ResponsePublisher(ReopeningChannel channel, ConfirmingPublisher confirming, MessageConverter converter,
      AmqpNames names, Duration confirmDeadline) {
    this.channel = channel;
    this.confirming = confirming;
    this.converter = converter;
    this.names = names;
    this.confirmDeadline = confirmDeadline;
  }

  void answer(Delivery delivery, Message command, String replyTo, Message response) {
    byte[] body;
    try {
      body = converter.body(response);
    } catch (IllegalArgumentException e) {
      LOG.error("the response to command {} cannot be written as JSON; answering with a 500", command.id(), e);
      response = Messages.errorResponse(command, new UnhandledError("response not serializable", e),
          response.sender());
      body = converter.body(response);
    }
    AMQP.BasicProperties properties = converter.response(response, replyTo);
    if (response.isEvent() && response.messageType() == MessageType.COMMAND_SUCCESS_RESPONSE) {
      String eventName = response.eventName();
      confirming.publish(names.exchange(), "", properties, body, confirmDeadline).whenComplete((ok, error) -> {
        if (error != null) {
          LOG.error("success event {} of command {} was not confirmed by RabbitMQ: {}", eventName,
              command.id(), error.getMessage());
        }
        delivery.ack();
      });
      return;
    }
    try {
      channel.get().basicPublish("", replyTo, false, properties, body);
    } catch (IOException | AlreadyClosedException e) {
      // The command stays unacknowledged; after the reconnect the broker hands it out again if it is not expired.
      LOG.warn("could not send the response to command {}: {}", command.id(), e.toString());
    }
    delivery.ack();
  }
}
