package dev.purista.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ReturnListener;
import dev.purista.core.HandledError;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.support.PendingInvocations;

/**
 * Fails a call at once when the broker returns its command as unroutable: commands are published with the
 * {@code mandatory} flag, and no queue bound for the command means that no instance serves it. Without this the
 * caller would wait for its whole deadline.
 */
final class ReturnedCommands implements ReturnListener {
  private final PendingInvocations pending;

  ReturnedCommands(PendingInvocations pending) {
    this.pending = pending;
  }

  // Runs on the client's I/O thread; failing the future only wakes the caller.
  @Override
  public void handleReturn(int replyCode, String replyText, String exchange, String routingKey,
      AMQP.BasicProperties properties, byte[] body) {
    if (!MessageType.COMMAND.wireName().equals(properties.getType()) || properties.getCorrelationId() == null) {
      return;
    }
    pending.fail(properties.getCorrelationId(), HandledError.noHandlers(RoutingHeaders.receiver(
        properties.getHeaders())));
  }
}
