package dev.purista.core.lifecycle;

import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.internal.ServiceRuntime;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
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
 * <p>Shutdown, on {@link #stop()} or SIGTERM: the application reports not ready, every service stops taking
 * new work, work in flight gets the grace period to finish, then the bridge and the registered closeables are
 * closed.
 */
public final class Application implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private final EventBridge bridge;
  private final List<Service> services;
  private final List<AutoCloseable> closeables;
  private final List<ApplicationComponent> components;
  private final Duration gracePeriod;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;
  private boolean started;

  private Application(Builder builder) {
    this.bridge = builder.bridge;
    this.services = List.copyOf(builder.services);
    this.closeables = List.copyOf(builder.closeables);
    this.components = List.copyOf(builder.components);
    this.gracePeriod = builder.gracePeriod;
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
    return PuristaClient.of(bridge, callerName);
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

  /** Stops gracefully; returns {@code true} when all work in flight finished within the grace period. */
  public boolean stop() {
    synchronized (this) {
      if (stopping) {
        return true;
      }
      stopping = true;
    }
    long deadline = System.nanoTime() + gracePeriod.toNanos();
    for (ApplicationComponent component : components) {
      component.stopAccepting();
    }
    boolean drained = true;
    for (Service service : services) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      drained &= service.stop(left);
    }
    for (ApplicationComponent component : components) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      drained &= component.awaitDrained(left);
      closeQuietly(component, component.name());
    }
    closeQuietly(bridge, "event bridge");
    for (AutoCloseable closeable : closeables) {
      closeQuietly(closeable, closeable.toString());
    }
    stopped.countDown();
    return drained;
  }

  @Override
  public void close() {
    stop();
  }

  private static void closeQuietly(AutoCloseable closeable, String what) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("could not close {}: {}", what, e.getMessage());
    }
  }

  /** Liveness and readiness of the bridge, every store and every service. */
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
      if (service instanceof ServiceRuntime runtime) {
        for (Store store : runtime.stores()) {
          if (seen.put(store, Boolean.TRUE) == null) {
            boolean healthy = store.isHealthy();
            parts.add(new ComponentHealth("store:" + store.name(), healthy, healthy));
          }
        }
      }
    }
    return HealthReport.of(parts, stopping);
  }

  /** Builder of {@link Application}. */
  public static final class Builder {
    private final EventBridge bridge;
    private final List<Service> services = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<ApplicationComponent> components = new ArrayList<>();
    private Duration gracePeriod = Duration.ofSeconds(20);

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
      services.add(definition.getInstance(bridge, options));
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
