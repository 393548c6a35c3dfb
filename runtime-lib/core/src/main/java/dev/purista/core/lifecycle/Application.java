package dev.purista.core.lifecycle;

import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.internal.RuntimeFactory;
import dev.purista.core.queue.EnvironmentQueues;
import dev.purista.core.queue.memory.DefaultQueueBridge;
import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.PayloadValidator;
import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.EnvironmentStores;
import dev.purista.core.store.SecretStore;
import dev.purista.core.store.StateStore;
import dev.purista.core.store.Store;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's services on one bridge, with health and graceful shutdown. This is what a bootstrap builds; the
 * deployment target only changes the bridge and the list of services.
 *
 * <pre>{@code
 * Application.builder(new DefaultEventBridge())
 *     .service(UserV1Service.DEFINITION)
 *     .service(EmailV1Service.DEFINITION)
 *     .build()
 *     .runUntilShutdown();
 * }</pre>
 *
 * <p>Health is not ready until {@link #start()} has finished, and again from the moment shutdown begins.
 *
 * <p>Shutdown, on {@link #stop()} or SIGTERM, has three phases, each run for every part before the next begins:
 * <ol>
 *   <li>No part takes new work from outside the process: readiness turns off, the bridge
 *       {@linkplain EventBridge#stopAccepting() takes no new deliveries}, every service
 *       {@linkplain Service#stopAccepting() turns away} commands from other processes and lets its
 *       subscriptions go, every component {@linkplain ApplicationComponent#stopAccepting() stops accepting}.
 *       Calls made by work in flight are still served, so a handler that calls another service of this process
 *       gets its answer.
 *   <li>Everything in flight, in every service and component at once, gets one grace period to finish.
 *   <li>The components close, the services leave the bridge and end their executors, the bridge closes, then the
 *       registered closeables.
 * </ol>
 */
public final class Application implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private final EventBridge bridge;
  private final List<Service> services;
  private final List<AutoCloseable> closeables;
  private final List<ApplicationComponent> components;
  private final Duration gracePeriod;
  /** The queue bridge the services share, when one of them declares a queue; {@code null} otherwise. */
  private final QueueBridge queueBridge;
  /** The stores taken from the environment for every service; closed even when no service was added. */
  private final List<Store> sharedStores;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;
  /** Set when {@link #start()} finished: before that the application is not ready. */
  private final OpenTelemetry openTelemetry;
  private volatile boolean started;

  private Application(Builder builder) {
    this.bridge = builder.bridge;
    this.services = builder.instantiateServices();
    this.closeables = List.copyOf(builder.closeables);
    this.components = List.copyOf(builder.components);
    this.gracePeriod = builder.gracePeriod;
    this.queueBridge = builder.queueBridge;
    List<Store> shared = new ArrayList<>();
    for (Store store : new Store[] {builder.sharedStateStore, builder.sharedConfigStore, builder.sharedSecretStore}) {
      if (store != null) {
        shared.add(store);
      }
    }
    this.sharedStores = List.copyOf(shared);
    this.openTelemetry = builder.openTelemetry;
  }

  public static Builder builder(EventBridge bridge) {
    return new Builder(bridge);
  }

  public EventBridge bridge() {
    return bridge;
  }

  public List<Service> services() {
    return services;
  }

  /** A client for calling this application's commands from the outside. */
  public PuristaClient client(String callerName) {
    return PuristaClient.of(bridge, callerName, openTelemetry());
  }

  /** Where the application's spans and metrics go: the one set on the builder, else the global instance. */
  public OpenTelemetry openTelemetry() {
    return openTelemetry != null ? openTelemetry : GlobalOpenTelemetry.getOrNoop();
  }

  /** Starts the bridge, then every service; on failure stops what started and rethrows. */
  public synchronized Application start() {
    if (started) {
      return this;
    }
    try {
      bridge.start();
      for (Service service : services) {
        service.start();
      }
      for (ApplicationComponent component : components) {
        component.start(this);
      }
    } catch (RuntimeException e) {
      LOG.error("application failed to start: {}", e.getMessage());
      stop();
      throw e;
    }
    started = true;
    return this;
  }

  /**
   * Starts, then blocks until the JVM is asked to exit (SIGTERM, SIGINT) and the graceful stop has run. Use it
   * as the last line of a {@code main}.
   */
  public void runUntilShutdown() {
    Thread hook = new Thread(this::stop, "purista-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    start();
    LOG.info("running {} services on the {} bridge; stop with SIGTERM or Ctrl+C", services.size(), bridge.name());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
    }
  }

  /**
   * Stops gracefully, in the three phases of the class comment; returns {@code true} when all work in flight
   * finished within the grace period.
   */
  public boolean stop() {
    synchronized (this) {
      if (stopping) {
        return true;
      }
      stopping = true;
    }
    long deadline = System.nanoTime() + gracePeriod.toNanos();
    stopAccepting();
    boolean drained = drain(deadline);
    if (!drained) {
      LOG.warn("work still in flight after the grace period of {} ms; stopping anyway", gracePeriod.toMillis());
    }
    release();
    stopped.countDown();
    return drained;
  }

  /** Components come last, so that when one hears of it no service takes outside work any more. */
  private void stopAccepting() {
    runQuietly(bridge::stopAccepting, "event bridge");
    for (Service service : services) {
      runQuietly(service::stopAccepting, service.info().toString());
    }
    for (ApplicationComponent component : components) {
      runQuietly(component::stopAccepting, component.name());
    }
  }

  /**
   * Every part drains on its own threads at the same time; waiting for one after another against one deadline
   * keeps the whole phase within the grace period. A pass repeats while a service that was idle got work again
   * from a handler that was still running (a call chain across services), so the phase ends when all are idle.
   */
  private boolean drain(long deadline) {
    boolean drained;
    do {
      drained = true;
      for (Service service : services) {
        drained &= service.awaitDrained(left(deadline));
      }
      for (ApplicationComponent component : components) {
        drained &= component.awaitDrained(left(deadline));
      }
    } while (drained && services.stream().anyMatch(service -> service.inFlight() > 0));
    return drained;
  }

  private static Duration left(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  private void release() {
    for (ApplicationComponent component : components) {
      closeQuietly(component, component.name());
    }
    for (Service service : services) {
      runQuietly(service::release, service.info().toString());
    }
    // After the services, which may use them until they are released; once each, as services may share a store.
    Set<Store> stores = Collections.newSetFromMap(new IdentityHashMap<>());
    stores.addAll(sharedStores);
    for (Service service : services) {
      stores.addAll(service.stores());
    }
    for (Store store : stores) {
      closeQuietly(store, "store " + store.name());
    }
    if (queueBridge != null) {
      closeQuietly(queueBridge, "queue bridge " + queueBridge.name());
    }
    closeQuietly(bridge, "event bridge");
    for (AutoCloseable closeable : closeables) {
      closeQuietly(closeable, closeable.toString());
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static void runQuietly(Runnable step, String what) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOG.warn("could not stop {}: {}", what, e.getMessage());
    }
  }

  private static void closeQuietly(AutoCloseable closeable, String what) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("could not close {}: {}", what, e.getMessage());
    }
  }

  /**
   * Liveness and readiness of the bridge, every component, every store and every service. Live when every part is
   * live; ready when every part is ready and the application has started and is not stopping.
   */
  public HealthReport health() {
    List<ComponentHealth> parts = new ArrayList<>();
    parts.add(new ComponentHealth("bridge:" + bridge.name(), bridge.isHealthy(), bridge.isReady()));
    for (ApplicationComponent component : components) {
      parts.add(component.health());
    }
    Map<Store, Boolean> seen = new IdentityHashMap<>();
    for (Service service : services) {
      parts.add(new ComponentHealth("service:" + service.info().name() + ":v" + service.info().version(),
          true, service.isReady()));
      for (Store store : service.stores()) {
        if (seen.put(store, Boolean.TRUE) == null) {
          boolean healthy = store.isHealthy();
          parts.add(new ComponentHealth("store:" + store.name(), healthy, healthy));
        }
      }
    }
    return HealthReport.of(parts, started && !stopping);
  }

  /** Builder of {@link Application}. */
  public static final class Builder {
    private final EventBridge bridge;
    /** Instantiated in {@link #build()}, once all are known, so that they can share one validator. */
    private final List<AddedService> services = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<ApplicationComponent> components = new ArrayList<>();
    private Duration gracePeriod = Duration.ofSeconds(20);
    private QueueBridge queueBridge;
    /** Where the shared queue bridge comes from when a service first needs one; in memory when unset. */
    private EnvironmentQueues environmentQueues;
    private StateStore sharedStateStore;
    private ConfigStore sharedConfigStore;
    private SecretStore sharedSecretStore;
    private OpenTelemetry openTelemetry;

    private Builder(EventBridge bridge) {
      if (bridge == null) {
        throw new NullPointerException("bridge == null");
      }
      this.bridge = bridge;
    }

    public Builder service(ServiceDefinition definition) {
      return service(definition, ServiceOptions.defaults());
    }

    public Builder service(ServiceDefinition definition, ServiceOptions options) {
      ServiceOptions.Builder effective = options.toBuilder();
      if (!definition.queues().isEmpty() && options.queueBridge().isEmpty()) {
        // One queue bridge for all services: a job one service enqueues must reach another's worker.
        if (queueBridge == null) {
          queueBridge = environmentQueues == null ? new DefaultQueueBridge() : environmentQueues.queueBridge();
        }
        effective.queueBridge(queueBridge);
      }
      if (sharedStateStore != null && options.stateStore().isEmpty()) {
        effective.stateStore(sharedStateStore);
      }
      if (sharedConfigStore != null && options.configStore().isEmpty()) {
        effective.configStore(sharedConfigStore);
      }
      if (sharedSecretStore != null && options.secretStore().isEmpty()) {
        effective.secretStore(sharedSecretStore);
      }
      if (openTelemetry != null && options.openTelemetry().isEmpty()) {
        effective.openTelemetry(openTelemetry);
      }
      services.add(new AddedService(definition, effective.build()));
      return this;
    }

    /**
     * Instances of the added services on the bridge. Those without a validator of their own share one, made ready
     * for all their declared types at once: a validator that reads constraints up front (Bean Validation's
     * predefined scope) then does it once for the application instead of once per service.
     */
    private List<Service> instantiateServices() {
      List<ServiceDefinition> withDiscoveredValidator = new ArrayList<>();
      for (AddedService added : services) {
        if (added.options().validator().isEmpty()) {
          withDiscoveredValidator.add(added.definition());
        }
      }
      PayloadValidator shared = withDiscoveredValidator.isEmpty() ? null
          : RuntimeFactory.validatorFor(withDiscoveredValidator);
      List<Service> instances = new ArrayList<>(services.size());
      for (AddedService added : services) {
        ServiceOptions options = added.options().validator().isPresent() ? added.options()
            : added.options().toBuilder().validator(shared).build();
        instances.add(added.definition().getInstance(bridge, options));
      }
      return List.copyOf(instances);
    }

    private record AddedService(ServiceDefinition definition, ServiceOptions options) {
    }

    /**
     * Takes the stores and the queue bridge from the process environment, as a deployment configures them:
     * {@code PURISTA_STATE_STORE}, {@code PURISTA_CONFIG_STORE}, {@code PURISTA_SECRET_STORE} (see
     * {@link EnvironmentStores}) and {@code PURISTA_QUEUE_BRIDGE} (see {@link EnvironmentQueues}), each in memory
     * when unset. This is what a generated bootstrap calls, so that the same artifact keeps its state in memory on
     * a laptop and in Redis or NATS in production.
     */
    public Builder storesAndQueuesFromEnvironment() {
      return storesAndQueuesFrom(System::getenv);
    }

    /**
     * Takes the stores and the queue bridge from {@code environment}, such as a map's {@code get} in a test; see
     * {@link #storesAndQueuesFromEnvironment()}. The services share one instance of each store, as they share the
     * server behind it, so a key one service writes is the key another reads, in one process as across many. A
     * service whose options name a store keeps it. The queue bridge is made when the first service that declares
     * a queue is added, so that a process without queues opens no queue connection. The application closes them
     * all when it stops.
     *
     * @throws IllegalStateException when services were added before: they would silently keep in-memory stores
     */
    public Builder storesAndQueuesFrom(Function<String, String> environment) {
      if (!services.isEmpty()) {
        throw new IllegalStateException("take the stores and queues from the environment before adding services; "
            + services.size() + " service(s) were added with their own stores");
      }
      EnvironmentStores stores = EnvironmentStores.from(environment);
      sharedStateStore = stores.stateStore();
      sharedConfigStore = stores.configStore();
      sharedSecretStore = stores.secretStore();
      environmentQueues = EnvironmentQueues.from(environment);
      return this;
    }

    /**
     * The queue bridge of every service added after this call that declares queues and was given none in its
     * options; an in-memory {@code DefaultQueueBridge} shared by the services unless set. The application closes
     * it when it stops.
     */
    public Builder queueBridge(QueueBridge value) {
      if (value == null) {
        throw new NullPointerException("queueBridge == null");
      }
      this.queueBridge = value;
      return this;
    }

    /**
     * Where spans and metrics go, instead of {@link GlobalOpenTelemetry}: for the services added after this call
     * that set none in their options, the application's client and the components that ask for it (HTTP).
     */
    public Builder openTelemetry(OpenTelemetry value) {
      if (value == null) {
        throw new NullPointerException("openTelemetry == null");
      }
      this.openTelemetry = value;
      return this;
    }

    public Builder service(ServiceDefinition definition, Consumer<ServiceOptions.Builder> options) {
      return service(definition, ServiceOptions.configure(options));
    }

    /** How long work in flight may take to finish on shutdown; 20 seconds by default. */
    public Builder gracePeriod(Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException("gracePeriod must not be negative: " + value);
      }
      this.gracePeriod = value;
      return this;
    }

    /** Adds a part with a lifecycle of its own, such as an HTTP server; see {@link ApplicationComponent}. */
    public Builder component(ApplicationComponent component) {
      if (component == null) {
        throw new NullPointerException("component == null");
      }
      components.add(component);
      return this;
    }

    /** Closed after the services drained and the bridge closed, such as a connection pool. */
    public Builder closeOnStop(AutoCloseable closeable) {
      closeables.add(closeable);
      return this;
    }

    public Application build() {
      return new Application(this);
    }
  }
}
