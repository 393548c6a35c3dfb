package dev.purista.http.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.purista.core.HandledError;
import dev.purista.core.HttpAccess;
import dev.purista.core.PuristaError;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.StatusCode;
import dev.purista.core.lifecycle.HealthReport;
import dev.purista.http.internal.HttpJson;
import dev.purista.core.spi.EventBridge;
import dev.purista.http.auth.AuthenticationException;
import dev.purista.http.auth.Authenticator;
import dev.purista.http.auth.Identity;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves HTTP requests as commands, independent of any server: a server adapter (or an API Gateway event
 * handler) turns what arrived into an {@link HttpRequest} and writes out the {@link HttpResponse}.
 *
 * <p>For a command route, in this order: trace id; path and method (404, 405 with {@code Allow}; {@code HEAD}
 * is {@code GET} without the body, {@code OPTIONS} lists the methods); authentication (401) and access rules
 * (403); the body's media type (415) and binding of the body to the payload and of path variables and query to
 * the parameter (400 naming the field); then the command, through the event bridge, whose answer becomes 200
 * with JSON, 204 for no result, or a problem: validation 400 listing each field, a handled error with its
 * status, message and data, timeout 504, no instance 503, anything else 500 without a message. Every error is
 * {@code application/problem+json} ({@link Problem}), and every answer names the trace id in {@code x-trace-id}.
 */
public final class HttpGateway {
  private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

  private final String mountPath;
  private final RouteTable routes;
  private final CommandCall call;
  private final RequestBinder binder = new RequestBinder();
  private final Authenticator authenticator;
  private final CorsPolicy cors;
  private final HealthEndpoints health;
  private final Map<String, Supplier<HttpResponse>> pages;
  private final BooleanSupplier accepting;
  private final Tracer tracer;

  private HttpGateway(Builder builder) {
    this.mountPath = builder.mountPath;
    this.routes = RouteTable.of(builder.mountPath, builder.services);
    this.call = new CommandCall(Objects.requireNonNull(builder.bridge, "bridge == null"), builder.commandTimeout);
    this.authenticator = builder.authenticator;
    this.cors = builder.cors;
    this.health = builder.health == null ? null : new HealthEndpoints(builder.health);
    this.pages = Map.copyOf(builder.pages);
    this.accepting = builder.accepting;
    this.tracer = HttpSpan.tracer(builder.openTelemetry != null ? builder.openTelemetry
        : GlobalOpenTelemetry.getOrNoop());
  }

  public static Builder builder() {
    return new Builder();
  }

  public RouteTable routes() {
    return routes;
  }

  public String mountPath() {
    return mountPath;
  }

  /** How long a command may take: the configured timeout, else the bridge's default. */
  public Duration commandTimeout() {
    return call.timeout();
  }

  /**
   * Whether {@link #handle} may block the calling thread (its authenticator may); when not, a server can call it
   * on its I/O thread, since the command itself runs on its service's executor.
   */
  public boolean mayBlock() {
    return authenticator.mayBlock();
  }

  /**
   * The answer to {@code request}. Everything up to sending the command runs on the calling thread (an
   * authenticator may block: see {@link #mayBlock()}); the command itself holds no thread while it runs. The future never fails: every
   * failure is an answer.
   */
  public CompletableFuture<HttpResponse> handle(HttpRequest request) {
    return handle(request, call.timeout());
  }

  /**
   * As {@link #handle(HttpRequest)}, with a deadline of this request's own for the command, such as the time a
   * Lambda invocation has left.
   */
  public CompletableFuture<HttpResponse> handle(HttpRequest request, Duration commandTimeout) {
    Objects.requireNonNull(commandTimeout, "commandTimeout == null");
    HttpSpan span = HttpSpan.start(tracer, request);
    String traceId = TraceIds.of(request, span.traceId());
    CompletableFuture<HttpResponse> answer;
    try {
      answer = dispatch(request, traceId, commandTimeout, span);
    } catch (PuristaError e) {
      answer = CompletableFuture.completedFuture(Problem.of(e));
    } catch (RuntimeException e) {
      LOG.error("request {} failed [traceId={}]", request, traceId, e);
      answer = CompletableFuture.completedFuture(Problem.internal());
    }
    return answer.thenApply(response -> {
      HttpResponse finished = finish(request, response, traceId);
      span.end(finished);
      return finished;
    });
  }

  private HttpResponse finish(HttpRequest request, HttpResponse response, String traceId) {
    HttpResponse named = cors.decorate(request, response.withHeader("x-trace-id", traceId));
    if (!request.method().equals("HEAD")) {
      return named;
    }
    // A HEAD answer names the length its GET would have.
    return named.withHeader("Content-Length", Integer.toString(named.body().length)).withoutBody();
  }

  private CompletableFuture<HttpResponse> dispatch(HttpRequest request, String traceId, Duration timeout,
      HttpSpan span) {
    String method = request.method();
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (health != null && read && request.path().startsWith("/healthz")) {
      HttpResponse answer = health.answer(request.path());
      if (answer != null) {
        return CompletableFuture.completedFuture(answer);
      }
    }
    Supplier<HttpResponse> page = pages.get(request.path());
    if (page != null) {
      return CompletableFuture.completedFuture(read ? page.get() : methodNotAllowed(Set.of("GET")));
    }
    List<String> path;
    try {
      path = PathSegments.split(request.path());
    } catch (IllegalArgumentException e) {
      return done(Problem.of(StatusCode.BAD_REQUEST.code(), "Invalid path: " + e.getMessage()));
    }
    String lookUp = method.equals("HEAD") ? "GET" : method;
    RouteTable.Match match = routes.match(lookUp, path);
    if (match.route() == null) {
      return done(noRoute(request, method, match.allowed()));
    }
    if (method.equals("OPTIONS")) {
      return done(options(request, path));
    }
    if (!accepting.getAsBoolean()) {
      return done(Problem.of(StatusCode.SERVICE_UNAVAILABLE.code(), "The server is shutting down")
          .withHeader("Connection", "close"));
    }
    span.route(match.route());
    return invoke(request, match, traceId, timeout, span.otp(request));
  }

  private HttpResponse noRoute(HttpRequest request, String method, Set<String> allowed) {
    if (allowed.isEmpty()) {
      return Problem.of(StatusCode.NOT_FOUND.code(), "No route " + describePath(request));
    }
    Set<String> methods = withImplied(allowed);
    if (method.equals("OPTIONS")) {
      return optionsAnswer(request, methods);
    }
    return methodNotAllowed(methods);
  }

  private HttpResponse options(HttpRequest request, List<String> path) {
    Set<String> methods = new TreeSet<>();
    for (String candidate : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
      if (routes.match(candidate, path).route() != null) {
        methods.add(candidate);
      }
    }
    return optionsAnswer(request, withImplied(methods));
  }

  private HttpResponse optionsAnswer(HttpRequest request, Set<String> methods) {
    boolean preflight = request.header("Origin").isPresent()
        && request.header("Access-Control-Request-Method").isPresent();
    if (preflight && cors.enabled()) {
      return cors.preflight(request, methods);
    }
    return HttpResponse.noContent().withHeader("Allow", String.join(", ", methods));
  }

  private static Set<String> withImplied(Set<String> methods) {
    Set<String> all = new TreeSet<>(methods);
    if (all.contains("GET")) {
      all.add("HEAD");
    }
    all.add("OPTIONS");
    return all;
  }

  private static HttpResponse methodNotAllowed(Set<String> methods) {
    return Problem.of(StatusCode.METHOD_NOT_ALLOWED.code(), "Allowed: " + String.join(", ", methods))
        .withHeader("Allow", String.join(", ", methods));
  }

  private static String describePath(HttpRequest request) {
    String path = request.path();
    return path.length() > 200 ? path.substring(0, 200) + "..." : path;
  }

  private CompletableFuture<HttpResponse> invoke(HttpRequest request, RouteTable.Match match, String traceId,
      Duration timeout, String otp) {
    Route route = match.route();
    Identity identity = authenticate(request, route.access());
    if (!BODY_METHODS.contains(request.method()) && request.body().length > 0
        && route.command().payloadType() == Void.class) {
      throw new HandledError(StatusCode.BAD_REQUEST, "This route takes no body");
    }
    Object payload = binder.payload(route.command(), request);
    Object parameter = binder.parameter(route.command(), match.variables(), request);
    return call.invoke(route, payload, parameter, traceId, otp, identity, timeout)
        .handle((result, failure) -> failure == null ? success(result) : failure(failure, route, traceId));
  }

  private Identity authenticate(HttpRequest request, HttpAccess access) {
    Optional<Identity> identity;
    try {
      identity = authenticator.authenticate(request);
    } catch (AuthenticationException e) {
      throw new HandledError(StatusCode.UNAUTHORIZED, e.getMessage());
    }
    if (access.isPublic()) {
      return identity.orElse(null);
    }
    Identity caller = identity.orElseThrow(() -> new HandledError(StatusCode.UNAUTHORIZED,
        "This route needs authentication"));
    List<String> missing = new ArrayList<>();
    access.scopes().stream().filter(scope -> !caller.scopes().contains(scope)).sorted()
        .forEach(scope -> missing.add("scope " + scope));
    access.roles().stream().filter(role -> !caller.roles().contains(role)).sorted()
        .forEach(role -> missing.add("role " + role));
    if (!missing.isEmpty()) {
      throw new HandledError(StatusCode.FORBIDDEN, "Missing " + String.join(", ", missing));
    }
    return caller;
  }

  private static HttpResponse success(Object result) {
    if (result == null) {
      return HttpResponse.noContent();
    }
    try {
      return HttpResponse.json(200, HttpJson.mapper().writeValueAsBytes(result));
    } catch (JsonProcessingException e) {
      LOG.error("could not serialize a result of type {}", result.getClass().getName(), e);
      return Problem.internal();
    }
  }

  private static HttpResponse failure(Throwable failure, Route route, String traceId) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
        : failure;
    if (cause instanceof PuristaError error) {
      if (!error.isHandled()) {
        LOG.warn("{} failed unexpectedly [traceId={}]", route.describe(), traceId);
      }
      return Problem.of(error);
    }
    LOG.error("{} failed [traceId={}]", route.describe(), traceId, cause);
    return Problem.internal();
  }

  private static CompletableFuture<HttpResponse> done(HttpResponse response) {
    return CompletableFuture.completedFuture(response);
  }

  /** Builder of {@link HttpGateway}. */
  public static final class Builder {
    private String mountPath = "/api";
    private final List<ServiceDefinition> services = new ArrayList<>();
    private EventBridge bridge;
    private Duration commandTimeout;
    private Authenticator authenticator = Authenticator.NONE;
    private CorsPolicy cors = CorsPolicy.DISABLED;
    private Supplier<HealthReport> health;
    private final Map<String, Supplier<HttpResponse>> pages = new LinkedHashMap<>();
    private BooleanSupplier accepting = () -> true;
    private OpenTelemetry openTelemetry;

    private Builder() {
    }

    /** Where request spans go; {@link GlobalOpenTelemetry}'s instance by default (no spans without an SDK). */
    public Builder openTelemetry(OpenTelemetry value) {
      this.openTelemetry = value;
      return this;
    }

    /** Where the API is mounted; {@code /api} by default. */
    public Builder mountPath(String value) {
      String path = Objects.requireNonNull(value, "mountPath == null");
      if (!path.startsWith("/") || path.endsWith("/")) {
        throw new IllegalArgumentException("mountPath must start and not end with /: " + value);
      }
      this.mountPath = path;
      return this;
    }

    public Builder services(Collection<ServiceDefinition> values) {
      services.addAll(values);
      return this;
    }

    public Builder bridge(EventBridge value) {
      this.bridge = value;
      return this;
    }

    /** How long a command may take; the bridge's default timeout unless set. */
    public Builder commandTimeout(Duration value) {
      this.commandTimeout = value;
      return this;
    }

    public Builder authenticator(Authenticator value) {
      this.authenticator = Objects.requireNonNull(value, "authenticator == null");
      return this;
    }

    public Builder cors(CorsPolicy value) {
      this.cors = Objects.requireNonNull(value, "cors == null");
      return this;
    }

    /** Serves {@code /healthz}, {@code /healthz/live} and {@code /healthz/ready} from {@code value}. */
    public Builder health(Supplier<HealthReport> value) {
      this.health = value;
      return this;
    }

    /** Serves {@code GET path} (and {@code HEAD}) with what {@code page} supplies, such as the OpenAPI document. */
    public Builder page(String path, Supplier<HttpResponse> page) {
      pages.put(path, page);
      return this;
    }

    /** While this is false, command routes answer 503 (health and pages go on answering). */
    public Builder accepting(BooleanSupplier value) {
      this.accepting = Objects.requireNonNull(value, "accepting == null");
      return this;
    }

    public HttpGateway build() {
      return new HttpGateway(this);
    }
  }
}
