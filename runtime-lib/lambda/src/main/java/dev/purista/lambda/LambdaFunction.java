package dev.purista.lambda;

import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.PayloadValidator;
import dev.purista.http.HttpSettings;
import dev.purista.http.gateway.HttpGateway;
import dev.purista.lambda.internal.BackgroundValidator;
import dev.purista.lambda.internal.EventRouter;
import dev.purista.lambda.internal.LocalSubscriptions;
import dev.purista.lambda.internal.RoutePriming;
import dev.purista.lambda.internal.TypePriming;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application's services inside one Lambda execution environment: started once, then serving every event
 * this environment receives while it stays warm. {@link PuristaLambdaHandler} holds one; the functions of its
 * own are for tests and for other entry points.
 *
 * <pre>{@code
 * LambdaFunction function = LambdaFunction.builder()
 *     .service(UserV1Service.DEFINITION)
 *     .bridge(AmqpBridge::fromEnvironment)    // optional: the in-memory bridge by default
 *     .build()
 *     .start();
 * byte[] answer = function.handle(eventJson, requestId, remainingTime);
 * }</pre>
 */
public final class LambdaFunction {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaFunction.class);

  private final List<Entry> services;
  private final Supplier<EventBridge> bridgeFactory;
  private final LambdaSettings settings;
  private final OpenTelemetry openTelemetry;
  /** Runs after each invocation, its span ended: a flush of buffered telemetry, say. */
  private final Runnable afterInvocation;
  /** Where the stores and the queue bridge come from; {@code null}: each service's own in-memory ones. */
  private final Function<String, String> storeEnvironment;
  private volatile Running running;
  /** Whether the bridge of the last start connects to a broker; kept after a stop, for the restore. */
  private volatile boolean broker;
  /** The HTTP routes primed so far, at each start and each {@link #prime()}, added up. */
  private final AtomicLong primedRoutes = new AtomicLong();
  /** Looked up at the first start, on a thread of its own, and kept across restarts. */
  private BackgroundValidator validator;

  private LambdaFunction(Builder builder) {
    this.services = List.copyOf(builder.services);
    this.bridgeFactory = builder.bridge;
    this.settings = builder.settings;
    this.openTelemetry = builder.openTelemetry;
    this.storeEnvironment = builder.storeEnvironment;
    this.afterInvocation = builder.afterInvocation;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts the bridge and every service, once; later calls return at once. */
  public synchronized LambdaFunction start() {
    if (running == null) {
      running = startRunning();
    }
    return this;
  }

  private Running startRunning() {
    long started = System.nanoTime();
    if (validator == null) {
      // Only the services that take the looked-up validator: the others bring their own.
      validator = BackgroundValidator.lookUp(services.stream().filter(entry -> entry.options.validator().isEmpty())
          .map(entry -> entry.definition).toList());
    }
    // After the look-up, on the same thread: validating the types' empty instances and looking up their writers
    // runs beside the main thread's start of the services and takes no core of its own.
    Map<ServiceDefinition, PayloadValidator> validators = validators();
    CompletableFuture<Void> typesPrimed = validator.then(() -> TypePriming.prime(validators));
    List<ServiceDefinition> definitions = new ArrayList<>();
    services.forEach(entry -> definitions.add(entry.definition));
    LocalSubscriptions bridge = new LocalSubscriptions(Objects.requireNonNull(bridgeFactory.get(),
        "the bridge factory returned null"));
    broker = bridge.connectsToABroker();
    Application.Builder builder = Application.builder(bridge);
    if (openTelemetry != null) {
      builder.openTelemetry(openTelemetry);
    }
    if (storeEnvironment != null) {
      builder.storesAndQueuesFrom(storeEnvironment);
    }
    for (Entry entry : services) {
      builder.service(entry.definition, withValidator(entry.options));
    }
    Application application = builder.build();
    HttpSettings http = settings.http();
    HttpGateway.Builder gateway = HttpGateway.builder()
        .mountPath(http.mountPath())
        .services(definitions)
        .bridge(bridge)
        .authenticator(http.authenticator())
        .cors(http.cors())
        .health(application::health)
        .openTelemetry(application.openTelemetry());
    if (http.commandTimeout() != null) {
      gateway.commandTimeout(http.commandTimeout());
    }
    HttpGateway built = gateway.build();
    application.start();
    EventRouter router = new EventRouter(built, bridge, http.maxBodyBytes(), settings.maxEventBytes(),
        settings.deadlineMargin());
    // A second gateway with no telemetry, so that priming requests leave no spans (binding caches are shared),
    // and no event limit, which is there for callers' events, not for these.
    EventRouter primingRouter = new EventRouter(gateway.openTelemetry(OpenTelemetry.noop()).build(), bridge,
        http.maxBodyBytes(), Long.MAX_VALUE, settings.deadlineMargin());
    int primed = RoutePriming.prime(primingRouter, built.routes().routes());
    primedRoutes.addAndGet(primed);
    validator.await();
    typesPrimed.join();
    LOG.info("{} services started on the {} bridge in {} ms; {} HTTP routes primed", definitions.size(),
        bridge.name(), (System.nanoTime() - started) / 1_000_000, primed);
    return new Running(application, built, primingRouter, router,
        InvocationSpan.tracer(application.openTelemetry()));
  }

  /** {@code options} with the validator looked up in the background, unless they name one of their own. */
  private ServiceOptions withValidator(ServiceOptions options) {
    return options.validator().isPresent() ? options : options.toBuilder().validator(validator).build();
  }

  /** Each service's validator: its own, or the one looked up in the background. */
  private Map<ServiceDefinition, PayloadValidator> validators() {
    Map<ServiceDefinition, PayloadValidator> validators = new LinkedHashMap<>();
    for (Entry entry : services) {
      validators.put(entry.definition, entry.options.validator().orElse(validator));
    }
    return validators;
  }

  /**
   * The answer to one invocation event, as JSON bytes.
   *
   * @param event the event as Lambda delivered it
   * @param requestId the invocation's request id; the trace id of the messages it sends unless the event
   *     carries its own
   * @param remaining the time the invocation has left; a command's deadline is the shorter of its timeout and
   *     this less {@link LambdaSettings#deadlineMargin()}
   * @throws InvalidEventException when the event is too large, not JSON or of an unknown shape; nothing was
   *     invoked
   */
  public byte[] handle(byte[] event, String requestId, Duration remaining) {
    Running current = running;
    if (current == null) {
      throw new IllegalStateException("the function has not started");
    }
    boolean coldStart = current.invoked.compareAndSet(false, true);
    InvocationSpan span = InvocationSpan.start(current.tracer, requestId, coldStart);
    try {
      return current.router.answer(event, requestId, remaining);
    } catch (RuntimeException e) {
      span.failed(e);
      throw e;
    } finally {
      span.end();
      afterInvocation.run();
    }
  }

  /** The largest event this function reads. */
  public long maxEventBytes() {
    return settings.maxEventBytes();
  }

  /**
   * Whether the services run on a bridge that connects to a broker ({@link EventBridge#connectsToABroker()}),
   * whose connections a snapshot must not contain: the bridge of the last {@link #start()}, so still known after
   * {@link #stop()}; false before the first start.
   */
  public boolean usesBroker() {
    return broker;
  }

  /** How many HTTP routes have been primed, at each start and each {@link #prime()}, added up. */
  public long primedRoutes() {
    return primedRoutes.get();
  }

  /** Whether the services run; false before {@link #start()}, after {@link #stop()}. */
  public boolean isRunning() {
    return running != null;
  }

  /** The running application: its bridge, services and health. */
  public Application application() {
    Running current = running;
    if (current == null) {
      throw new IllegalStateException("the function has not started");
    }
    return current.application;
  }

  /** Stops the services and closes the bridge; {@link #start()} starts them afresh, on a new bridge. */
  public synchronized void stop() {
    Running current = running;
    running = null;
    if (current != null) {
      current.application.stop();
    }
  }

  /**
   * Primes each HTTP route as {@link #start()} does: events that go the way of a real one up to the command
   * (reading, routing, binding the body to the payload record, answering) but invoke nothing, since a handler may
   * have effects that must not happen before a snapshot; and an empty instance of each command's types validated
   * and their JSON writers looked up. Returns the routes primed.
   */
  public int prime() {
    Running current = running;
    if (current == null) {
      throw new IllegalStateException("the function has not started");
    }
    TypePriming.prime(validators());
    int primed = RoutePriming.prime(current.primingRouter, current.gateway.routes().routes());
    primedRoutes.addAndGet(primed);
    return primed;
  }

  /** What one start produced. */
  private static final class Running {
    private final Application application;
    private final HttpGateway gateway;
    private final EventRouter primingRouter;
    private final EventRouter router;
    private final Tracer tracer;
    private final AtomicBoolean invoked = new AtomicBoolean();

    private Running(Application application, HttpGateway gateway, EventRouter primingRouter, EventRouter router,
        Tracer tracer) {
      this.application = application;
      this.gateway = gateway;
      this.primingRouter = primingRouter;
      this.router = router;
      this.tracer = tracer;
    }
  }

  private static final class Entry {
    private final ServiceDefinition definition;
    private final ServiceOptions options;

    private Entry(ServiceDefinition definition, ServiceOptions options) {
      this.definition = definition;
      this.options = options;
    }
  }

  /** Builder of {@link LambdaFunction}. */
  public static final class Builder {
    private final List<Entry> services = new ArrayList<>();
    private Supplier<EventBridge> bridge = DefaultEventBridge::new;
    private LambdaSettings settings;
    private OpenTelemetry openTelemetry;
    private Function<String, String> storeEnvironment;
    private Runnable afterInvocation = () -> { };

    private Builder() {
    }

    /**
     * Runs {@code hook} after each invocation, before its answer goes back to Lambda, such as
     * {@code OpenTelemetrySetup::flush}: the execution environment is frozen between invocations, so work left to
     * background threads (an exporter's batch) waits for the next event, or is lost. A failing hook is logged and
     * does not change the answer.
     */
    public Builder afterInvocation(Runnable hook) {
      Runnable given = Objects.requireNonNull(hook, "hook == null");
      this.afterInvocation = () -> {
        try {
          given.run();
        } catch (RuntimeException e) {
          LOG.warn("the after-invocation hook failed: {}", e.toString());
        }
      };
      return this;
    }

    /**
     * Takes the stores and the queue bridge from the function's environment ({@code PURISTA_STATE_STORE},
     * {@code PURISTA_CONFIG_STORE}, {@code PURISTA_SECRET_STORE}, {@code PURISTA_QUEUE_BRIDGE}; in memory when
     * unset), shared by the services, as {@link Application.Builder#storesAndQueuesFromEnvironment()} does for a
     * process. In memory, state lives only as long as the execution environment; a function whose state must
     * outlive it names Redis or NATS here. They are made at each start, so after a SnapStart restore too.
     */
    public Builder storesAndQueuesFromEnvironment() {
      return storesAndQueuesFrom(System::getenv);
    }

    /** The same, from {@code environment}, such as a map's {@code get} in a test. */
    public Builder storesAndQueuesFrom(Function<String, String> environment) {
      this.storeEnvironment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /**
     * Where the invocation, request and command spans go, such as {@code OpenTelemetrySetup.install()}'s SDK;
     * {@code GlobalOpenTelemetry}'s instance unless set.
     */
    public Builder openTelemetry(OpenTelemetry value) {
      this.openTelemetry = Objects.requireNonNull(value, "openTelemetry == null");
      return this;
    }

    /**
     * Adds a service with the default options, except that its hand-off thread does not spin for the next call
     * ({@code idleSpin} zero): a function pays for the CPU time of its invocations, and its share of a core is
     * smaller than the cores the JVM sees, so a thread spinning beside the invocation would take CPU from it.
     */
    public Builder service(ServiceDefinition definition) {
      return service(definition, ServiceOptions.configure(options -> options.idleSpin(Duration.ZERO)));
    }

    /** Adds a service with {@code options} as given. */
    public Builder service(ServiceDefinition definition, ServiceOptions options) {
      services.add(new Entry(Objects.requireNonNull(definition, "definition == null"),
          Objects.requireNonNull(options, "options == null")));
      return this;
    }

    /**
     * Runs the services on the bridge {@code factory} makes, such as {@code AmqpBridge::fromEnvironment} when they
     * must reach services outside this function. Called at each start: once at initialisation, and again after a
     * SnapStart restore when the bridge {@linkplain EventBridge#connectsToABroker() connects to a broker}, since
     * broker connections are closed before the snapshot. An in-memory bridge keeps its services in the snapshot.
     */
    public Builder bridge(Supplier<EventBridge> factory) {
      this.bridge = Objects.requireNonNull(factory, "factory == null");
      return this;
    }

    /** Settings; from the environment ({@link LambdaSettings#fromEnvironment}) unless set. */
    public Builder settings(LambdaSettings value) {
      this.settings = Objects.requireNonNull(value, "settings == null");
      return this;
    }

    public LambdaFunction build() {
      if (settings == null) {
        settings = LambdaSettings.fromEnvironment(System.getenv()).build();
      }
      return new LambdaFunction(this);
    }
  }
}
