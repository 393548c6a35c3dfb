package dev.purista.validation;

import dev.purista.core.CommandDefinition;
import dev.purista.core.QueueDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** The types of the values the runtime validates for some services, as their definitions declare them. */
final class DeclaredTypes {
  private DeclaredTypes() {
  }

  /**
   * Each command's payload, parameter and result, each subscription's event payload, and each queue's job; not
   * {@code Void}, whose only value, {@code null}, is never validated.
   */
  static Set<Class<?>> of(Collection<ServiceDefinition> services) {
    Set<Class<?>> types = new LinkedHashSet<>();
    for (ServiceDefinition service : services) {
      for (CommandDefinition<?, ?, ?> command : service.commands()) {
        types.add(command.payloadType());
        types.add(command.parameterType());
        types.add(command.resultType());
      }
      for (SubscriptionDefinition<?, ?> subscription : service.subscriptions()) {
        types.add(subscription.payloadType());
      }
      for (QueueDefinition<?> queue : service.queues()) {
        types.add(queue.jobType());
      }
      service.queueWorkers().forEach(worker -> types.add(worker.queue().jobType()));
    }
    types.remove(Void.class);
    types.remove(void.class);
    return types;
  }
}
