package dev.purista.http;

import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.lifecycle.ApplicationComponent;
import dev.purista.core.lifecycle.ComponentHealth;
import dev.purista.core.spi.support.BusyWaiting;
import dev.purista.core.spi.support.InFlight;
import dev.purista.http.gateway.HttpGateway;
import dev.purista.http.gateway.HttpResponse;
import dev.purista.http.internal.HttpJson;
import dev.purista.http.internal.Listener;
import dev.purista.http.jdk.JdkServer;
import dev.purista.http.openapi.DocsPage;
import dev.purista.http.openapi.OpenApiDocument;
import dev.purista.http.undertow.UndertowServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an application's HTTP-exposed commands, its health, its OpenAPI document and a docs page. It is an
 * {@link ApplicationComponent}, added in one line:
 *
 * <pre>{@code
 * Application.builder(bridge)
 *     .service(UserV1Service.DEFINITION)
 *     .component(HttpServer.fromEnvironment())
 *     .build()
 *     .runUntilShutdown();
 * }</pre>
 *
 * <p>Endpoints: each exposed command at {@code /api/v<version>/<path>}; {@code /api/openapi.json};
 * {@code /api/docs}; {@code /healthz/live}, {@code /healthz/ready} and {@code /healthz}. It listens once every
 * service has started. On shutdown it turns not ready, answers new command requests with 503, lets the requests
 * in flight finish within the application's grace period, and then closes the listener.
 *
 * <p>Settings come from {@link HttpSettings}: code, or environment variables {@code PURISTA_HTTP_*}.
 */
public final class HttpServer implements ApplicationComponent {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private final HttpSettings settings;
  private final List<ServiceDefinition> exposed;
  private final InFlight inFlight = new InFlight();
  private volatile boolean started;
  private volatile boolean accepting = true;
  private volatile Listener server;
  /** Keeps the runtime's threads from busy-waiting on the cores this server's threads need; see BusyWaiting. */
  private volatile BusyWaiting.Hold busyWaitingHold;

  private HttpServer(HttpSettings settings, List<ServiceDefinition> exposed) {
    this.settings = settings;
    this.exposed = List.copyOf(exposed);
  }

  /** A server configured from the {@code PURISTA_HTTP_*} environment variables. */
  public static HttpServer fromEnvironment() {
    return of(HttpSettings.fromEnvironment(System.getenv()).build());
  }

  public static HttpServer of(HttpSettings settings) {
    return new HttpServer(settings, List.of());
  }

  /**
   * A server that also exposes {@code services} which run elsewhere, such as a gateway process in front of
   * services on a broker: their commands are invoked through the bridge like the local ones.
   */
  public static HttpServer of(HttpSettings settings, List<ServiceDefinition> services) {
    return new HttpServer(settings, services);
  }

  @Override
  public String name() {
    return "http";
  }

  @Override
  public synchronized void start(Application application) {
    if (server != null) {
      return;
    }
    List<ServiceDefinition> definitions = new ArrayList<>(exposed);
    for (Service service : application.services()) {
      definitions.add(service.definition());
    }
    HttpGateway.Builder gateway = HttpGateway.builder()
        .mountPath(settings.mountPath())
        .services(definitions)
        .bridge(application.bridge())
        .authenticator(settings.authenticator())
        .cors(settings.cors())
        .health(application::health)
        .accepting(() -> accepting)
        .openTelemetry(application.openTelemetry());
    if (settings.commandTimeout() != null) {
      gateway.commandTimeout(settings.commandTimeout());
    }
    HttpGateway built = pages(gateway);
    Listener listener = listen(built, taken -> {
      if (taken) {
        inFlight.begin();
      } else {
        inFlight.end();
      }
    });
    listener.start();
    server = listener;
    busyWaitingHold = BusyWaiting.holdOff();
    started = true;
    LOG.info("HTTP on {}:{} ({}): {} routes under {}, docs at {}/docs", settings.host(), listener.port(),
        settings.server().lowerCase(), built.routes().routes().size(), settings.mountPath(), settings.mountPath());
  }

  /**
   * The configured server. Each is made in its own method, so that the other's classes are never loaded: a
   * process on the JDK's server runs without Undertow's jars.
   */
  private Listener listen(HttpGateway gateway, Consumer<Boolean> taken) {
    return settings.server() == ServerKind.JDK ? jdk(gateway, taken) : undertow(gateway, taken);
  }

  private Listener undertow(HttpGateway gateway, Consumer<Boolean> taken) {
    return new UndertowServer(gateway, settings.host(), settings.port(), settings.maxBodyBytes(),
        settings.maxHeaders(), settings.workerThreads(), taken);
  }

  private Listener jdk(HttpGateway gateway, Consumer<Boolean> taken) {
    return new JdkServer(gateway, settings.host(), settings.port(), settings.maxBodyBytes(), settings.maxHeaders(),
        settings.workerThreads(), taken);
  }

  /**
   * Adds the OpenAPI document and the docs page. Each is made when it is first asked for, not at start: the
   * JSON-schema generator behind the document loads some three hundred classes, and the docs page's scripts take
   * 2 MiB of heap, which a process whose docs nobody reads (an edge device) would keep for nothing.
   */
  private HttpGateway pages(HttpGateway.Builder gateway) {
    HttpGateway routesOnly = gateway.build();
    String openApiPath = settings.mountPath() + "/openapi.json";
    gateway.page(openApiPath, new OnFirstRequest(() -> openApi(routesOnly)));
    if (settings.docsPage()) {
      DocsPage.pages(settings.mountPath() + "/docs", openApiPath).forEach((path, page) -> gateway.page(path,
          new OnFirstRequest(page)));
    }
    return gateway.build();
  }

  private HttpResponse openApi(HttpGateway routesOnly) {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("title", settings.title());
    info.put("version", settings.apiVersion());
    try {
      return HttpResponse.json(200, HttpJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(
          OpenApiDocument.generate(routesOnly.routes().routes(), info, settings.authenticator().securitySchemes())));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the OpenAPI document did not serialize", e);
    }
  }

  /** The port the server listens on; the real one when port 0 was configured. */
  public int port() {
    Listener listening = server;
    if (listening == null) {
      throw new IllegalStateException("the HTTP server has not started");
    }
    return listening.port();
  }

  @Override
  public void stopAccepting() {
    accepting = false;
  }

  @Override
  public boolean awaitDrained(Duration timeout) {
    return inFlight.awaitIdle(timeout);
  }

  @Override
  public synchronized void close() {
    accepting = false;
    if (server != null) {
      server.close();
      server = null;
    }
    if (busyWaitingHold != null) {
      busyWaitingHold.close();
      busyWaitingHold = null;
    }
    started = false;
  }

  @Override
  public ComponentHealth health() {
    return new ComponentHealth(name(), true, started && accepting);
  }

  public HttpSettings settings() {
    return settings;
  }
}
