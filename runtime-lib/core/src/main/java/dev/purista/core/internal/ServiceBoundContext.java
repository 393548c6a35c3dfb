package dev.purista.core.internal;

import dev.purista.core.CommandInvoker;
import dev.purista.core.EventEmitter;
import dev.purista.core.Resources;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.SecretStore;
import dev.purista.core.store.StateStore;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * What every handler context shares, whatever it handles (a command, an event, a queue job): the logger, the
 * service's stores and resources, and calls and events that carry on the trace of the message being handled.
 */
abstract class ServiceBoundContext implements CommandInvoker, EventEmitter {
  private final Logger logger;
  private final ServiceResources resources;
  private final BridgeInvoker invoker;

  ServiceBoundContext(Message origin, Logger logger, ServiceResources resources, MessageAddress self) {
    this.logger = logger;
    this.resources = resources;
    // Named with this process's instance id, as the broker bridges stamp it, so that a service that is stopping
    // can tell a call from work in flight here from one of another process.
    this.invoker = new BridgeInvoker(resources.bridge(), self.withInstanceId(resources.bridge().instanceId()), origin,
        resources.binder(), resources.telemetry());
  }

  final ServiceResources serviceResources() {
    return resources;
  }

  public Logger logger() {
    return logger;
  }

  public StateStore states() {
    return resources.states();
  }

  public ConfigStore configs() {
    return resources.configs();
  }

  public SecretStore secrets() {
    return resources.secrets();
  }

  public Resources resources() {
    return resources.userResources();
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
