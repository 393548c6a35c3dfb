package dev.purista.core.internal;

import dev.purista.core.CommandContext;
import dev.purista.core.Queues;
import dev.purista.core.Resources;
import dev.purista.core.SubscriptionContext;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.SecretStore;
import dev.purista.core.store.StateStore;
import java.time.Duration;
import org.slf4j.Logger;

/** The context handed to one handler call: the message, the service's stores and an invoker tied to both. */
final class RuntimeContext implements CommandContext, SubscriptionContext {
  private final Message message;
  private final Logger logger;
  private final ServiceResources resources;
  private final BridgeInvoker invoker;

  RuntimeContext(Message message, Logger logger, ServiceResources resources, MessageAddress self) {
    this.message = message;
    this.logger = logger;
    this.resources = resources;
    // Named with this process's instance id, as the broker bridges stamp it, so that a service that is stopping
    // can tell a call from work in flight here from one of another process.
    this.invoker = new BridgeInvoker(resources.bridge(), self.withInstanceId(resources.bridge().instanceId()), message,
        resources.binder());
  }

  @Override
  public Logger logger() {
    return logger;
  }

  @Override
  public Message message() {
    return message;
  }

  @Override
  public StateStore states() {
    return resources.states();
  }

  @Override
  public ConfigStore configs() {
    return resources.configs();
  }

  @Override
  public SecretStore secrets() {
    return resources.secrets();
  }

  @Override
  public Resources resources() {
    return resources.userResources();
  }

  @Override
  public Queues queues() {
    return resources.queues().tracing(message.traceId());
  }

  @Override
  public <R> R invoke(MessageAddress command, Object payload, Object parameter, Class<R> resultType) {
    return invoker.invoke(command, payload, parameter, resultType);
  }

  @Override
  public <R> R invoke(MessageAddress command, Object payload, Object parameter, Class<R> resultType,
      Duration timeout) {
    return invoker.invoke(command, payload, parameter, resultType, timeout);
  }

  @Override
  public void emit(String eventName, Object payload) {
    invoker.emit(eventName, payload);
  }
}
