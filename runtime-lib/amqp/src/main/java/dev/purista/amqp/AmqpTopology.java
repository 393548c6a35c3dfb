package dev.purista.amqp;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.SubscriptionSpec;
import java.io.IOException;

/**
 * Declares what the bridge needs on the broker. Declaring is idempotent, so every instance declares what it uses
 * and nothing has to be set up by hand. Everything declared through the client is recorded by it and declared
 * again after a reconnect.
 *
 * <table>
 *   <caption>Queues</caption>
 *   <tr><th>queue</th><th>durable</th><th>exclusive</th><th>auto-delete</th><th>why</th></tr>
 *   <tr><td>command</td><td>no</td><td>no</td><td>yes</td><td>when the last instance leaves, the queue goes, and a
 *       call is returned as unroutable at once instead of waiting for its deadline</td></tr>
 *   <tr><td>shared, durable subscription</td><td>yes</td><td>no</td><td>no</td><td>keeps events while no instance
 *       runs</td></tr>
 *   <tr><td>shared subscription, not durable</td><td>no</td><td>no</td><td>yes</td><td>lives while instances
 *       consume</td></tr>
 *   <tr><td>every-instance subscription</td><td>no</td><td>yes</td><td>yes</td><td>one copy per running
 *       process</td></tr>
 *   <tr><td>reply</td><td>no</td><td>yes</td><td>yes</td><td>only this process waits for its responses</td></tr>
 *   <tr><td>dead letter</td><td>yes</td><td>no</td><td>no</td><td>kept for an operator to inspect</td></tr>
 * </table>
 */
final class AmqpTopology {
  private final AmqpNames names;

  AmqpTopology(AmqpNames names) {
    this.names = names;
  }

  /** The headers exchange, the dead-letter exchange (fanout) and the dead-letter queue. */
  void declareExchanges(Channel channel) throws IOException {
    channel.exchangeDeclare(names.exchange(), BuiltinExchangeType.HEADERS, true, false, null);
    channel.exchangeDeclare(names.deadLetterExchange(), BuiltinExchangeType.FANOUT, true, false, null);
    channel.queueDeclare(names.deadLetterQueue(), true, false, false, null);
    channel.queueBind(names.deadLetterQueue(), names.deadLetterExchange(), "");
  }

  /** The reply queue of instance {@code instanceId}; named by us so that recovery declares the same name again. */
  String declareReplyQueue(Channel channel, String instanceId) throws IOException {
    String queue = names.replyQueue(instanceId);
    channel.queueDeclare(queue, false, true, true, null);
    channel.queueBind(queue, names.exchange(), "", RoutingHeaders.replyBinding(queue));
    return queue;
  }

  String declareCommandQueue(Channel channel, MessageAddress command) throws IOException {
    String queue = names.commandQueue(command);
    channel.queueDeclare(queue, false, false, true, null);
    channel.queueBind(queue, names.exchange(), "", RoutingHeaders.commandBinding(command));
    return queue;
  }

  String declareSubscriptionQueue(Channel channel, SubscriptionSpec spec, String instanceId) throws IOException {
    String queue;
    if (!spec.shared()) {
      queue = names.instanceSubscriptionQueue(spec.address(), instanceId);
      channel.queueDeclare(queue, false, true, true, null);
    } else if (spec.durable()) {
      queue = names.sharedSubscriptionQueue(spec.address());
      channel.queueDeclare(queue, true, false, false, null);
    } else {
      queue = names.sharedSubscriptionQueue(spec.address());
      channel.queueDeclare(queue, false, false, true, null);
    }
    channel.queueBind(queue, names.exchange(), "", RoutingHeaders.subscriptionBinding(spec.filter()));
    return queue;
  }
}
