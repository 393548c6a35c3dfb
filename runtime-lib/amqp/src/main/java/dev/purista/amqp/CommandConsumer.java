package dev.purista.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.purista.core.UnhandledError;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.Messages;
import dev.purista.core.spi.CommandEndpoint;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes commands off one command queue and hands them to the registered endpoint; its response goes back to the
 * caller. Several instances consume the same queue, and the broker gives each command to one of them. A message
 * that is not a command this bridge can answer is dead-lettered; it never stops the consumer.
 */
final class CommandConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(CommandConsumer.class);

  private final ConsumerChannel registration;
  private final CommandEndpoint endpoint;
  private final MessageConverter converter;
  private final ResponsePublisher responses;
  private final FailedDeliveries failures;
  private final String instanceId;

  CommandConsumer(Channel channel, ConsumerChannel registration, CommandEndpoint endpoint,
      MessageConverter converter, ResponsePublisher responses, FailedDeliveries failures, String instanceId) {
    super(channel);
    this.registration = registration;
    this.endpoint = endpoint;
    this.converter = converter;
    this.responses = responses;
    this.failures = failures;
    this.instanceId = instanceId;
  }

  @Override
  public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    if (!registration.begin(envelope.getDeliveryTag())) {
      return;
    }
    Delivery delivery = new Delivery(registration, envelope.getDeliveryTag(), properties, body);
    Message command;
    try {
      command = converter.read(body);
    } catch (MalformedMessageException e) {
      deadLetter(delivery, "a malformed message", "malformed message: " + e.getMessage() + " (body starts with '"
          + FailedDeliveries.preview(body) + "')");
      return;
    }
    if (command.messageType() != MessageType.COMMAND) {
      deadLetter(delivery, "message " + command.id(), "not a command: messageType "
          + command.messageType().wireName());
      return;
    }
    String replyTo = properties.getReplyTo();
    if (replyTo == null || replyTo.isEmpty()) {
      deadLetter(delivery, "command " + command.id(), "command without replyTo: nobody could receive its response");
      return;
    }
    CompletableFuture<Message> response;
    try {
      response = endpoint.handle(command);
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    response.whenComplete((answer, failure) -> responses.answer(delivery, command, replyTo,
        answer != null ? answer : internalError(command, failure)));
  }

  /** A command queue has no retries: what it cannot serve now it never will. */
  private void deadLetter(Delivery delivery, String what, String reason) {
    LOG.warn("{} from queue {} goes to the dead letters: {}", what, delivery.queue(), reason);
    AmqpSession.METRICS.deadLettered();
    failures.deadLetter(delivery, reason);
  }

  private Message internalError(Message command, Throwable failure) {
    LOG.error("command endpoint for {} failed without a response", command.receiver().describe(), failure);
    return Messages.errorResponse(command, new UnhandledError("endpoint failed", failure),
        Messages.responder(command, instanceId));
  }

  @Override
  public void handleCancel(String consumerTag) {
    LOG.error("RabbitMQ cancelled the consumer of command queue {} (was the queue deleted?); this instance no "
        + "longer receives its commands", registration.queue());
  }
}
