package dev.purista.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.spi.support.PendingInvocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads this instance's reply queue and completes the call each response answers. Responses are consumed
 * without acknowledgement: a response is only worth something to the process that waits for it, and that
 * process is this one.
 */
final class ReplyConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyConsumer.class);

  private final MessageConverter converter;
  private final PendingInvocations pending;

  ReplyConsumer(Channel channel, MessageConverter converter, PendingInvocations pending) {
    super(channel);
    this.converter = converter;
    this.pending = pending;
  }

  @Override
  public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    Message response;
    try {
      response = converter.read(body);
    } catch (MalformedMessageException e) {
      LOG.warn("dropping a malformed message on the reply queue: {} (body starts with '{}')", e.getMessage(),
          FailedDeliveries.preview(body));
      return;
    }
    if (!response.messageType().isCommandResponse()) {
      LOG.warn("dropping message {} of type {} on the reply queue", response.id(), response.messageType());
      return;
    }
    if (!pending.complete(response)) {
      LOG.debug("response {} answers no pending call (late, after its timeout); dropped", response.correlationId());
    }
  }
}
