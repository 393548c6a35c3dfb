package dev.purista.http;

import dev.purista.core.spi.support.EnvironmentSettings;
import dev.purista.http.auth.Authenticator;
import dev.purista.http.auth.JwtAuthenticator;
import dev.purista.http.gateway.CorsPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The settings of an {@link HttpServer}, from code or from the environment. Environment variables (read with
 * the runtime's common rules: blank is unset, durations need a unit, a bad value fails naming the variable):
 *
 * <table>
 *   <caption>PURISTA_HTTP_ variables</caption>
 *   <tr><td>{@code PURISTA_HTTP_HOST}</td><td>listen address; {@code 0.0.0.0}</td></tr>
 *   <tr><td>{@code PURISTA_HTTP_PORT}</td><td>listen port; {@code 8080}</td></tr>
 *   <tr><td>{@code PURISTA_HTTP_MAX_BODY_BYTES}</td><td>largest body; 1048576</td></tr>
 *   <tr><td>{@code PURISTA_HTTP_MAX_HEADERS}</td><td>most header fields; 100</td></tr>
 *   <tr><td>{@code PURISTA_HTTP_COMMAND_TIMEOUT}</td><td>per command, such as {@code 10s}; the bridge's
 *       default</td></tr>
 *   <tr><td>{@code PURISTA_HTTP_SERVER}</td><td>{@code undertow} or {@code jdk} (the JDK's own server, see
 *       {@link ServerKind}); {@code undertow}</td></tr>
 *   <tr><td>{@code PURISTA_HTTP_WORKER_THREADS}</td><td>worker threads; Undertow: 8 per core, JDK server: 2 per
 *       core, ended when idle</td></tr>
 *   <tr><td>{@code PURISTA_HTTP_CORS_ORIGINS}</td><td>comma-separated origins, or {@code *}; CORS is off
 *       without it</td></tr>
 *   <tr><td>{@code PURISTA_HTTP_DOCS}</td><td>serve {@code /api/docs}; {@code true}</td></tr>
 *   <tr><td>{@code PURISTA_HTTP_JWT_JWKS_URL}</td><td>verify bearer tokens with this key set (see
 *       {@link JwtAuthenticator}, which also reads {@code PURISTA_HTTP_JWT_ISSUER},
 *       {@code PURISTA_HTTP_JWT_AUDIENCE})</td></tr>
 * </table>
 */
public final class HttpSettings {
  static final String PREFIX = "PURISTA_HTTP_";

  private final String host;
  private final int port;
  private final String mountPath;
  private final long maxBodyBytes;
  private final int maxHeaders;
  private final Duration commandTimeout;
  private final int workerThreads;
  private final ServerKind server;
  private final CorsPolicy cors;
  private final Authenticator authenticator;
  private final boolean docsPage;
  private final String title;
  private final String apiVersion;

  private HttpSettings(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.mountPath = builder.mountPath;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.maxHeaders = builder.maxHeaders;
    this.commandTimeout = builder.commandTimeout;
    this.workerThreads = builder.workerThreads;
    this.server = builder.server;
    this.cors = builder.cors;
    this.authenticator = builder.authenticator;
    this.docsPage = builder.docsPage;
    this.title = builder.title;
    this.apiVersion = builder.apiVersion;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults overridden by the {@code PURISTA_HTTP_*} variables of {@code environment}. */
  public static Builder fromEnvironment(Map<String, String> environment) {
    Builder builder = new Builder();
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, environment);
    env.text("HOST", builder::host);
    env.integer("PORT", builder::port);
    env.integer("MAX_BODY_BYTES", builder::maxBodyBytes);
    env.integer("MAX_HEADERS", builder::maxHeaders);
    env.duration("COMMAND_TIMEOUT", builder::commandTimeout);
    env.integer("WORKER_THREADS", builder::workerThreads);
    env.text("SERVER", name -> {
      try {
        builder.server(ServerKind.parse(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(env.name("SERVER") + ": " + e.getMessage(), e);
      }
    });
    env.bool("DOCS", builder::docsPage);
    env.text("CORS_ORIGINS", origins -> builder.cors(CorsPolicy.allowing(Arrays.stream(origins.split(","))
        .map(String::trim).filter(origin -> !origin.isEmpty()).toArray(String[]::new))));
    if (env.value("JWT_JWKS_URL").isPresent()) {
      builder.authenticator(JwtAuthenticator.fromEnvironment(environment));
    }
    return builder;
  }

  public static HttpSettings configure(Consumer<Builder> configuration) {
    Builder builder = new Builder();
    configuration.accept(builder);
    return builder.build();
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String mountPath() {
    return mountPath;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  public int maxHeaders() {
    return maxHeaders;
  }

  /** {@code null}: the bridge's default. */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /** 0: the server's default. */
  public int workerThreads() {
    return workerThreads;
  }

  public ServerKind server() {
    return server;
  }

  public CorsPolicy cors() {
    return cors;
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public boolean docsPage() {
    return docsPage;
  }

  public String title() {
    return title;
  }

  public String apiVersion() {
    return apiVersion;
  }

  /** Builder of {@link HttpSettings}. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8080;
    private String mountPath = "/api";
    private long maxBodyBytes = 1024 * 1024;
    private int maxHeaders = 100;
    private Duration commandTimeout;
    private int workerThreads;
    private ServerKind server = ServerKind.UNDERTOW;
    private CorsPolicy cors = CorsPolicy.DISABLED;
    private Authenticator authenticator = Authenticator.NONE;
    private boolean docsPage = true;
    private String title = "API";
    private String apiVersion = "1";

    private Builder() {
    }

    public Builder host(String value) {
      this.host = Objects.requireNonNull(value, "host == null");
      return this;
    }

    /** 0 picks a free port. */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535: " + value);
      }
      this.port = value;
      return this;
    }

    public Builder mountPath(String value) {
      if (value == null || !value.startsWith("/") || value.endsWith("/")) {
        throw new IllegalArgumentException("mountPath must start and not end with /: " + value);
      }
      this.mountPath = value;
      return this;
    }

    public Builder maxBodyBytes(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxBodyBytes must not be negative: " + value);
      }
      this.maxBodyBytes = value;
      return this;
    }

    public Builder maxHeaders(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxHeaders must be positive: " + value);
      }
      this.maxHeaders = value;
      return this;
    }

    public Builder commandTimeout(Duration value) {
      if (value != null && (value.isNegative() || value.isZero())) {
        throw new IllegalArgumentException("commandTimeout must be positive: " + value);
      }
      this.commandTimeout = value;
      return this;
    }

    public Builder workerThreads(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("workerThreads must not be negative: " + value);
      }
      this.workerThreads = value;
      return this;
    }

    /** Which server to run on; Undertow unless set. */
    public Builder server(ServerKind value) {
      this.server = Objects.requireNonNull(value, "server == null");
      return this;
    }

    public Builder cors(CorsPolicy value) {
      this.cors = Objects.requireNonNull(value, "cors == null");
      return this;
    }

    /** Who callers are; without one, protected commands answer 401 and only public ones can be called. */
    public Builder authenticator(Authenticator value) {
      this.authenticator = Objects.requireNonNull(value, "authenticator == null");
      return this;
    }

    public Builder docsPage(boolean value) {
      this.docsPage = value;
      return this;
    }

    /** The OpenAPI document's title and version. */
    public Builder info(String title, String version) {
      this.title = Objects.requireNonNull(title, "title == null");
      this.apiVersion = Objects.requireNonNull(version, "version == null");
      return this;
    }

    public HttpSettings build() {
      return new HttpSettings(this);
    }
  }
}
