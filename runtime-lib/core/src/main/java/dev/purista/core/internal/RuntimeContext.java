package dev.purista.core.internal;

import dev.purista.core.CommandContext;
import dev.purista.core.Queues;
import dev.purista.core.SubscriptionContext;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import org.slf4j.Logger;

/** The context handed to one handler call: the message, the service's stores and an invoker tied to both. */
final class RuntimeContext extends ServiceBoundContext implements CommandContext, SubscriptionContext {
  private final Message message;

  RuntimeContext(Message message, Logger logger, ServiceResources resources, MessageAddress self) {
    super(message, logger, resources, self);
    this.message = message;
  }

  @Override
  public Message message() {
    return message;
  }

  @Override
  public Queues queues() {
    return serviceResources().queues().tracing(message);
  }
}
