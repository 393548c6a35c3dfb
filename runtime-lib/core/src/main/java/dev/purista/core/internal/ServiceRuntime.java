package dev.purista.core.internal;

import dev.purista.core.CommandDefinition;
import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceInfo;
import dev.purista.core.ServiceOptions;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.queue.memory.DefaultQueueBridge;
import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.queue.spi.QueueCapability;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.SubscriptionSpec;
import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.SecretStore;
import dev.purista.core.store.StateStore;
import dev.purista.core.store.Store;
import dev.purista.core.store.memory.InMemoryConfigStore;
import dev.purista.core.store.memory.InMemorySecretStore;
import dev.purista.core.store.memory.InMemoryStateStore;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service definition bound to a bridge: registers its endpoints on start and drains them on stop.
 *
 * <p>Stopping has the application's three phases. {@link #stopAccepting()} turns readiness off, takes the
 * subscriptions off the bridge and turns away commands from other processes (503), while commands sent from this
 * process, by work already in flight, are still served. {@link #awaitDrained(Duration)} waits for the handlers in
 * flight. {@link #release()} takes the commands off the bridge and ends the executor.
 */
final class ServiceRuntime implements Service {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceRuntime.class);

  private final ServiceDefinition definition;
  private final ServiceResources resources;
  private final List<Registration> commandRegistrations = new ArrayList<>();
  private final List<Registration> subscriptionRegistrations = new ArrayList<>();
  private final QueueBridge queueBridge;
  /** The service made its queue bridge itself (none was given), so it closes it too. */
  private final boolean ownsQueueBridge;
  private final List<QueueWorkerRuntime<?>> workers = new ArrayList<>();
  private ScheduledExecutorService heartbeats;
  private ServiceGauges gauges;
  private volatile boolean ready;
  /** Set in the first phase of stopping: commands from other processes are turned away from then on. */
  private final List<Store> stores;
  private volatile boolean accepting = true;
  private boolean stopped;
  private boolean released;

  ServiceRuntime(ServiceDefinition definition, EventBridge bridge, ServiceOptions options) {
    this.definition = definition;
    this.ownsQueueBridge = options.queueBridge().isEmpty();
    this.queueBridge = options.queueBridge().orElseGet(DefaultQueueBridge::new);
    PayloadBinder binder = new PayloadBinder(SharedMapper.MAPPER);
    Validation validation = new Validation(options.validator().orElseGet(() -> Validation.discoverFor(List.of(definition))));
    Map<String, QueueDefinition<?>> queues = new LinkedHashMap<>();
    definition.queues().forEach(queue -> queues.put(queue.name(), queue));
    StateStore states = options.stateStore().orElseGet(InMemoryStateStore::new);
    ConfigStore configs = options.configStore().orElseGet(InMemoryConfigStore::new);
    SecretStore secrets = options.secretStore().orElseGet(InMemorySecretStore::new);
    // The stores themselves, not the traced views, so that the application closes and probes a shared store once.
    this.stores = List.of(states, configs, secrets);
    Telemetry telemetry = Telemetry.of(options.openTelemetry().orElseGet(GlobalOpenTelemetry::getOrNoop));
    boolean traced = telemetry.tracing();
    this.resources = new ServiceResources(
        bridge,
        binder,
        validation,
        options.executor().map(HandlerExecutor::wrap).orElseGet(() -> HandlerExecutor.create(
            "purista-" + definition.name() + "-v" + definition.version(), options.maxConcurrency(),
            options.queueCapacity(), options.idleSpin())),
        traced ? new TracedStateStore(states, telemetry.tracer()) : states,
        traced ? new TracedConfigStore(configs, telemetry.tracer()) : configs,
        traced ? new TracedSecretStore(secrets, telemetry.tracer()) : secrets,
        options.resources(),
        new QueueClient(definition.name(), Map.copyOf(queues), queueBridge, binder, validation, null),
        telemetry);
  }

  @Override
  public ServiceInfo info() {
    return definition.info();
  }

  @Override
  public ServiceDefinition definition() {
    return definition;
  }

  @Override
  public synchronized void start() {
    if (ready) {
      return;
    }
    if (stopped) {
      throw new IllegalStateException(definition + " was stopped; create a new instance with getInstance");
    }
    if (!resources.bridge().isReady()) {
      throw new IllegalStateException("Start the event bridge before service " + definition.name());
    }
    checkQueueCapabilities();
    ServiceInfoMessages info = new ServiceInfoMessages(definition, resources.bridge());
    info.init();
    try {
      for (CommandDefinition<?, ?, ?> command : definition.commands()) {
        commandRegistrations.add(registerCommand(command));
        info.functionAdded(command);
      }
      for (SubscriptionDefinition<?, ?> subscription : definition.subscriptions()) {
        subscriptionRegistrations.add(registerSubscription(subscription));
      }
    } catch (RuntimeException e) {
      closeAll(subscriptionRegistrations);
      closeAll(commandRegistrations);
      throw e;
    }
    startWorkers();
    gauges = new ServiceGauges(resources.telemetry(), definition, resources.executor(), queueBridge);
    ready = true;
    info.ready();
    LOG.info("service {} v{} started: {} commands, {} subscriptions, {} queue workers on the {} bridge",
        definition.name(), definition.version(), definition.commands().size(), definition.subscriptions().size(),
        definition.queueWorkers().size(), resources.bridge().name());
  }

  /** A queue that needs what the queue bridge cannot honour fails here, before any job is mishandled. */
  private void checkQueueCapabilities() {
    Set<QueueCapability> offered = queueBridge.capabilities();
    for (QueueDefinition<?> queue : definition.queues()) {
      Set<QueueCapability> missing = EnumSet.noneOf(QueueCapability.class);
      missing.addAll(queue.requiredCapabilities());
      missing.removeAll(offered);
      if (!missing.isEmpty()) {
        throw new IllegalStateException("service " + definition.name() + " v" + definition.version() + ": queue "
            + queue.name() + " needs " + missing + ", which the queue bridge " + queueBridge.name()
            + " does not honour");
      }
    }
  }

  private void startWorkers() {
    if (definition.queueWorkers().isEmpty()) {
      return;
    }
    heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "purista-" + definition.name() + "-v" + definition.version()
          + "-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    for (QueueWorkerDefinition<?> worker : definition.queueWorkers()) {
      QueueWorkerRuntime<?> runtime = new QueueWorkerRuntime<>(worker, resources, queueBridge, resources.queues(),
          heartbeats, address(worker.name()));
      workers.add(runtime);
      runtime.start();
    }
  }

  @Override
  public void pauseWorker(String name) {
    worker(name).pause();
  }

  @Override
  public void resumeWorker(String name) {
    worker(name).resume();
  }

  private QueueWorkerRuntime<?> worker(String name) {
    return workers.stream().filter(worker -> worker.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("service " + definition.name() + " has no started queue "
            + "worker named '" + name + "'"));
  }

  private <P, Q, R> Registration registerCommand(CommandDefinition<P, Q, R> command) {
    MessageAddress address = address(command.name());
    CommandPipeline<P, Q, R> pipeline = new CommandPipeline<>(command, resources, address);
    return resources.bridge().registerCommand(new CommandSpec(address, command.successEventName().orElse(null)),
        message -> accepting || fromThisProcess(message) ? pipeline.handle(message) : pipeline.refuseStopping(message));
  }

  private <P, R> Registration registerSubscription(SubscriptionDefinition<P, R> subscription) {
    MessageAddress address = address(subscription.name());
    SubscriptionSpec spec = new SubscriptionSpec(address, subscription.filter(), subscription.shared(),
        subscription.durable());
    return resources.bridge().registerSubscription(spec, new SubscriptionPipeline<>(subscription, resources,
        address));
  }

  private MessageAddress address(String target) {
    return MessageAddress.of(definition.name(), definition.version(), target);
  }

  /** A call made by this process: by a handler in flight, or a client of the application, such as HTTP. */
  private boolean fromThisProcess(Message command) {
    return command.sender() != null && resources.bridge().instanceId().equals(command.sender().instanceId());
  }

  @Override
  public boolean stop(Duration grace) {
    stopAccepting();
    boolean drained = awaitDrained(grace);
    release();
    return drained;
  }

  @Override
  public synchronized void stopAccepting() {
    if (stopped) {
      return;
    }
    stopped = true;
    ready = false;
    accepting = false;
    closeAll(subscriptionRegistrations);
    workers.forEach(QueueWorkerRuntime::stopLeasing);
  }

  @Override
  public boolean awaitDrained(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    // A worker thread that leased a job just before stopping hands it to the executor after this point otherwise.
    for (QueueWorkerRuntime<?> worker : workers) {
      worker.awaitStopped(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    boolean drained = resources.executor().awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    if (!drained) {
      LOG.warn("service {} v{}: {} handlers still running after the grace period of {} ms", definition.name(),
          definition.version(), resources.executor().inFlight(), grace.toMillis());
    }
    return drained;
  }

  @Override
  public void release() {
    synchronized (this) {
      stopAccepting();
      if (released) {
        return;
      }
      released = true;
      closeAll(commandRegistrations);
    }
    workers.forEach(worker -> worker.awaitStopped(Duration.ZERO));
    if (heartbeats != null) {
      heartbeats.shutdownNow();
    }
    resources.executor().shutdown();
    if (gauges != null) {
      gauges.close();
    }
    if (ownsQueueBridge) {
      queueBridge.close();
    }
    LOG.info("service {} v{} stopped", definition.name(), definition.version());
  }

  private static void closeAll(List<Registration> registrations) {
    for (Registration registration : registrations) {
      try {
        registration.close();
      } catch (RuntimeException e) {
        LOG.warn("could not unregister from the bridge: {}", e.getMessage());
      }
    }
    registrations.clear();
  }

  @Override
  public boolean isReady() {
    return ready;
  }

  @Override
  public int inFlight() {
    return resources.executor().inFlight();
  }

  @Override
  public List<Store> stores() {
    return stores;
  }
}
