package dev.purista.amqp;

import dev.purista.core.message.MessageIds;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Settings of an {@link AmqpBridge}: where the broker is, how the bridge names things on it, and its delivery and
 * timing rules. Immutable; build one in code with {@link #builder()}, or read it from the environment with
 * {@link #fromEnvironment()} so that a deployment changes settings without a rebuild.
 *
 * <table>
 *   <caption>Settings, their environment variables and defaults</caption>
 *   <tr><th>setting</th><th>environment variable</th><th>default</th></tr>
 *   <tr><td>{@link Builder#url url}</td><td>{@code PURISTA_AMQP_URL}</td><td>{@code amqp://localhost:5672}</td></tr>
 *   <tr><td>{@link Builder#username username}</td><td>{@code PURISTA_AMQP_USERNAME}</td><td>from the URL, else
 *       {@code guest}</td></tr>
 *   <tr><td>{@link Builder#password password}</td><td>{@code PURISTA_AMQP_PASSWORD}</td><td>from the URL, else
 *       {@code guest}</td></tr>
 *   <tr><td>{@link Builder#exchange exchange}</td><td>{@code PURISTA_AMQP_EXCHANGE}</td><td>{@code purista}</td></tr>
 *   <tr><td>{@link Builder#namePrefix namePrefix}</td><td>{@code PURISTA_AMQP_NAME_PREFIX}</td>
 *       <td>{@code purista}</td></tr>
 *   <tr><td>{@link Builder#prefetch prefetch}</td><td>{@code PURISTA_AMQP_PREFETCH}</td><td>10</td></tr>
 *   <tr><td>{@link Builder#maxRetries maxRetries}</td><td>{@code PURISTA_AMQP_MAX_RETRIES}</td><td>3</td></tr>
 *   <tr><td>{@link Builder#retryDelay retryDelay}</td><td>{@code PURISTA_AMQP_RETRY_DELAY}</td><td>{@code 1s}</td></tr>
 *   <tr><td>{@link Builder#defaultCommandTimeout defaultCommandTimeout}</td>
 *       <td>{@code PURISTA_AMQP_COMMAND_TIMEOUT}</td><td>{@code 30s}</td></tr>
 *   <tr><td>{@link Builder#instanceId instanceId}</td><td>{@code PURISTA_AMQP_INSTANCE_ID}</td><td>random</td></tr>
 *   <tr><td>{@link Builder#connectionName connectionName}</td><td>{@code PURISTA_AMQP_CONNECTION_NAME}</td>
 *       <td>{@code purista-<instanceId>}</td></tr>
 *   <tr><td>{@link Builder#connectTimeout connectTimeout}</td><td>{@code PURISTA_AMQP_CONNECT_TIMEOUT}</td>
 *       <td>{@code 10s}</td></tr>
 *   <tr><td>{@link Builder#heartbeat heartbeat}</td><td>{@code PURISTA_AMQP_HEARTBEAT}</td><td>{@code 10s}</td></tr>
 *   <tr><td>{@link Builder#recoveryInterval recoveryInterval}</td><td>{@code PURISTA_AMQP_RECOVERY_INTERVAL}</td>
 *       <td>{@code 1s}</td></tr>
 *   <tr><td>{@link Builder#drainTimeout drainTimeout}</td><td>{@code PURISTA_AMQP_DRAIN_TIMEOUT}</td>
 *       <td>{@code 10s}</td></tr>
 *   <tr><td>{@link Builder#sslContext sslContext}</td><td>(code only)</td><td>the JVM's default trust store</td></tr>
 * </table>
 *
 * <p>Durations take a unit: {@code 250ms}, {@code 30s}, {@code 2m}, or ISO-8601 such as {@code PT30S}; a bare
 * number is refused. The duration variables once carried their unit in the name; while an old name is still set,
 * reading the environment fails with a message that names the new one.
 *
 * <p>An {@code amqps://} URL connects with TLS, verifying the broker's certificate and host name against the
 * JVM's trust store ({@code javax.net.ssl.trustStore}) unless an {@link Builder#sslContext SSLContext} is given.
 * Credentials are never part of {@link #toString()}.
 */
public final class AmqpBridgeConfig {
  /** The prefix of every environment variable this class reads. */
  public static final String ENV_PREFIX = "PURISTA_AMQP_";

  private final URI url;
  private final String username;
  private final String password;
  private final String exchange;
  private final String namePrefix;
  private final int prefetch;
  private final int maxRetries;
  private final Duration retryDelay;
  private final Duration defaultCommandTimeout;
  private final String instanceId;
  private final String connectionName;
  private final Duration connectTimeout;
  private final Duration heartbeat;
  private final Duration recoveryInterval;
  private final Duration drainTimeout;
  private final SSLContext sslContext;

  private AmqpBridgeConfig(Builder builder) {
    this.url = builder.url;
    this.username = builder.username;
    this.password = builder.password;
    this.exchange = builder.exchange;
    this.namePrefix = builder.namePrefix;
    this.prefetch = builder.prefetch;
    this.maxRetries = builder.maxRetries;
    this.retryDelay = builder.retryDelay;
    this.defaultCommandTimeout = builder.defaultCommandTimeout;
    this.instanceId = builder.instanceId != null ? builder.instanceId : MessageIds.newId();
    this.connectionName = builder.connectionName != null ? builder.connectionName : "purista-" + instanceId;
    this.connectTimeout = builder.connectTimeout;
    this.heartbeat = builder.heartbeat;
    this.recoveryInterval = builder.recoveryInterval;
    this.drainTimeout = builder.drainTimeout;
    this.sslContext = builder.sslContext;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The settings in the process environment ({@code PURISTA_AMQP_*}); unset variables keep their defaults. */
  public static AmqpBridgeConfig fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  /**
   * The settings that {@code environment} names, for tests and for other sources of variables. A value that
   * cannot be read fails with a message that names the variable.
   */
  public static AmqpBridgeConfig fromEnvironment(Function<String, String> environment) {
    return AmqpEnvironment.read(environment, builder()).build();
  }

  /** {@link #fromEnvironment(Function)} over a map. */
  public static AmqpBridgeConfig fromEnvironment(Map<String, String> environment) {
    return fromEnvironment(environment::get);
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.url = url;
    builder.username = username;
    builder.password = password;
    builder.exchange = exchange;
    builder.namePrefix = namePrefix;
    builder.prefetch = prefetch;
    builder.maxRetries = maxRetries;
    builder.retryDelay = retryDelay;
    builder.defaultCommandTimeout = defaultCommandTimeout;
    builder.instanceId = instanceId;
    builder.connectionName = connectionName;
    builder.connectTimeout = connectTimeout;
    builder.heartbeat = heartbeat;
    builder.recoveryInterval = recoveryInterval;
    builder.drainTimeout = drainTimeout;
    builder.sslContext = sslContext;
    return builder;
  }

  public URI url() {
    return url;
  }

  /** Whether the URL asks for TLS ({@code amqps://}). */
  public boolean usesTls() {
    return "amqps".equals(url.getScheme().toLowerCase(Locale.ROOT));
  }

  /** The user name set apart from the URL, if any; it wins over the URL's. */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The password set apart from the URL, if any; it wins over the URL's. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  public String exchange() {
    return exchange;
  }

  public String namePrefix() {
    return namePrefix;
  }

  public int prefetch() {
    return prefetch;
  }

  public int maxRetries() {
    return maxRetries;
  }

  public Duration retryDelay() {
    return retryDelay;
  }

  public Duration defaultCommandTimeout() {
    return defaultCommandTimeout;
  }

  public String instanceId() {
    return instanceId;
  }

  public String connectionName() {
    return connectionName;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration heartbeat() {
    return heartbeat;
  }

  public Duration recoveryInterval() {
    return recoveryInterval;
  }

  public Duration drainTimeout() {
    return drainTimeout;
  }

  /** The TLS context for {@code amqps://}; empty means the JVM default. */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  @Override
  public String toString() {
    return "AmqpBridgeConfig[url=" + withoutUserInfo(url) + ", exchange=" + exchange + ", namePrefix=" + namePrefix
        + ", prefetch=" + prefetch + ", maxRetries=" + maxRetries + ", retryDelay=" + retryDelay.toMillis()
        + "ms, defaultCommandTimeout=" + defaultCommandTimeout.toMillis() + "ms, instanceId=" + instanceId + "]";
  }

  /** The URL as it may be logged: without user name and password. */
  static String withoutUserInfo(URI uri) {
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
    } catch (URISyntaxException e) {
      return uri.getScheme() + "://" + uri.getHost();
    }
  }

  /** Mutable builder of {@link AmqpBridgeConfig}; every setter checks its value at once. */
  public static final class Builder {
    private URI url = URI.create("amqp://localhost:5672");
    private String username;
    private String password;
    private String exchange = "purista";
    private String namePrefix = "purista";
    private int prefetch = 10;
    private int maxRetries = 3;
    private Duration retryDelay = Duration.ofSeconds(1);
    private Duration defaultCommandTimeout = Duration.ofSeconds(30);
    private String instanceId;
    private String connectionName;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration heartbeat = Duration.ofSeconds(10);
    private Duration recoveryInterval = Duration.ofSeconds(1);
    private Duration drainTimeout = Duration.ofSeconds(10);
    private SSLContext sslContext;

    private Builder() {
    }

    /** {@code amqp://user:pass@host:port/vhost} or {@code amqps://...} for TLS. */
    public Builder url(String value) {
      Objects.requireNonNull(value, "url == null");
      URI parsed;
      try {
        parsed = new URI(value.trim());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("AMQP url is not a URI: " + e.getMessage(), e);
      }
      String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
        throw new IllegalArgumentException("AMQP url must start with amqp:// or amqps://, got scheme '"
            + parsed.getScheme() + "'");
      }
      if (parsed.getHost() == null) {
        throw new IllegalArgumentException("AMQP url has no host: " + withoutUserInfo(parsed));
      }
      this.url = parsed;
      return this;
    }

    public Builder username(String value) {
      this.username = value;
      return this;
    }

    public Builder password(String value) {
      this.password = value;
      return this;
    }

    /** The headers exchange every message is published to. */
    public Builder exchange(String value) {
      this.exchange = name(value, "exchange");
      return this;
    }

    /** The first part of every queue name this bridge declares. */
    public Builder namePrefix(String value) {
      this.namePrefix = name(value, "namePrefix");
      return this;
    }

    /** How many unacknowledged messages one command or subscription consumer holds at once. */
    public Builder prefetch(int value) {
      if (value < 1 || value > 65_535) {
        throw new IllegalArgumentException("prefetch must be between 1 and 65535: " + value);
      }
      this.prefetch = value;
      return this;
    }

    /** How often a durable subscription's failed message is delivered again before it is dead-lettered. */
    public Builder maxRetries(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative: " + value);
      }
      this.maxRetries = value;
      return this;
    }

    /** How long a failed durable message waits before it is delivered again. */
    public Builder retryDelay(Duration value) {
      this.retryDelay = notNegative(value, "retryDelay");
      return this;
    }

    public Builder defaultCommandTimeout(Duration value) {
      this.defaultCommandTimeout = positive(value, "defaultCommandTimeout");
      return this;
    }

    /** This process's id; responses are addressed to it. Unique per process. */
    public Builder instanceId(String value) {
      this.instanceId = name(value, "instanceId");
      return this;
    }

    /** The connection name the broker shows (management UI, {@code rabbitmqctl list_connections}). */
    public Builder connectionName(String value) {
      this.connectionName = name(value, "connectionName");
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /** AMQP heartbeat; a dead peer is noticed after about twice this. Zero turns heartbeats off. */
    public Builder heartbeat(Duration value) {
      this.heartbeat = notNegative(value, "heartbeat");
      return this;
    }

    /** The pause between reconnect attempts after the broker connection is lost. */
    public Builder recoveryInterval(Duration value) {
      this.recoveryInterval = positive(value, "recoveryInterval");
      return this;
    }

    /** How long {@link AmqpBridge#stop()} waits for in-flight handlers and calls before it closes. */
    public Builder drainTimeout(Duration value) {
      this.drainTimeout = notNegative(value, "drainTimeout");
      return this;
    }

    /** The TLS context for {@code amqps://} URLs, for a private CA or client certificates. */
    public Builder sslContext(SSLContext value) {
      this.sslContext = value;
      return this;
    }

    public AmqpBridgeConfig build() {
      return new AmqpBridgeConfig(this);
    }

    private static String name(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return value.trim();
    }

    private static Duration positive(Duration value, String what) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + value);
      }
      return value;
    }

    private static Duration notNegative(Duration value, String what) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative: " + value);
      }
      return value;
    }
  }
}
