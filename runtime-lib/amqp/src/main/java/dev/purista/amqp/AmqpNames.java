package dev.purista.amqp;

import dev.purista.core.message.MessageAddress;

/**
 * The names this bridge gives to things on the broker, PURISTA's scheme, so that Java and TypeScript services on
 * one broker share queues:
 * <ul>
 *   <li>{@code <prefix>.cmd.<service>.<version>.<command>}: one queue per command, shared by its instances;</li>
 *   <li>{@code <prefix>.sub.<service>.<version>.<subscription>}: one queue per shared subscription;</li>
 *   <li>{@code <prefix>.sub.<service>.<version>.<subscription>.<instanceId>}: one per instance of an
 *       every-instance subscription;</li>
 *   <li>{@code <prefix>.reply.<instanceId>}: the reply queue of one bridge instance;</li>
 *   <li>{@code <exchange>.dead-letter} and {@code <prefix>.dead-letter}: where failed and malformed messages
 *       go.</li>
 * </ul>
 */
final class AmqpNames {
  private final String exchange;
  private final String prefix;

  AmqpNames(String exchange, String namePrefix) {
    this.exchange = exchange;
    // PURISTA accepts a prefix with or without its trailing dot; both name the same queues.
    this.prefix = namePrefix.endsWith(".") ? namePrefix : namePrefix + ".";
  }

  String exchange() {
    return exchange;
  }

  String deadLetterExchange() {
    return exchange + ".dead-letter";
  }

  String deadLetterQueue() {
    return prefix + "dead-letter";
  }

  String commandQueue(MessageAddress command) {
    return prefix + "cmd." + command.serviceName() + "." + command.serviceVersion() + "." + command.serviceTarget();
  }

  String sharedSubscriptionQueue(MessageAddress subscription) {
    return prefix + "sub." + subscription.serviceName() + "." + subscription.serviceVersion() + "."
        + subscription.serviceTarget();
  }

  String instanceSubscriptionQueue(MessageAddress subscription, String instanceId) {
    return sharedSubscriptionQueue(subscription) + "." + instanceId;
  }

  String replyQueue(String instanceId) {
    return prefix + "reply." + instanceId;
  }
}
