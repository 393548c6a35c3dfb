package dev.purista.amqp;

import dev.purista.core.message.MessageIds;
import dev.purista.core.spi.support.Credentials;
import dev.purista.core.spi.support.SettingChecks;
import dev.purista.core.spi.support.Tls;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings of an {@link AmqpBridge}: where the broker is, how the bridge names things on it, and its delivery and
 * timing rules. Immutable; build one in code with {@link #builder()} (or {@link AmqpBridge#configure}), or read
 * it from the environment with {@link #fromEnvironment()} so that a deployment changes settings without a
 * rebuild.
 *
 * <table>
 *   <caption>Settings, their environment variables and defaults</caption>
 *   <tr><th>setting</th><th>environment variable</th><th>default</th></tr>
 *   <tr><td>{@link Builder#url url}</td><td>{@code PURISTA_AMQP_URL}</td><td>{@code amqp://localhost:5672}</td></tr>
 *   <tr><td>{@link Builder#credentials credentials}</td><td>{@code PURISTA_AMQP_USERNAME},
 *       {@code PURISTA_AMQP_PASSWORD}</td><td>from the URL, else {@code guest}</td></tr>
 *   <tr><td>{@link Builder#tls tls}</td><td>(code only; {@code amqps://} turns TLS on)</td>
 *       <td>the JVM's trust store</td></tr>
 *   <tr><td>{@link Builder#exchange exchange}</td><td>{@code PURISTA_AMQP_EXCHANGE}</td><td>{@code purista}</td></tr>
 *   <tr><td>{@link Builder#namePrefix namePrefix}</td><td>{@code PURISTA_AMQP_NAME_PREFIX}</td>
 *       <td>{@code purista}</td></tr>
 *   <tr><td>{@link Builder#prefetch prefetch}</td><td>{@code PURISTA_AMQP_PREFETCH}</td><td>10</td></tr>
 *   <tr><td>{@link Builder#maxAttempts maxAttempts}</td><td>{@code PURISTA_AMQP_MAX_ATTEMPTS}</td><td>4</td></tr>
 *   <tr><td>{@link Builder#retryDelay retryDelay}</td><td>{@code PURISTA_AMQP_RETRY_DELAY}</td><td>{@code 1s}</td></tr>
 *   <tr><td>{@link Builder#defaultCommandTimeout defaultCommandTimeout}</td>
 *       <td>{@code PURISTA_AMQP_COMMAND_TIMEOUT}</td><td>{@code 30s}</td></tr>
 *   <tr><td>{@link Builder#instanceId instanceId}</td><td>{@code PURISTA_AMQP_INSTANCE_ID}</td><td>random</td></tr>
 *   <tr><td>{@link Builder#connectionName connectionName}</td><td>{@code PURISTA_AMQP_CONNECTION_NAME}</td>
 *       <td>{@code purista-<instanceId>}</td></tr>
 *   <tr><td>{@link Builder#connectTimeout connectTimeout}</td><td>{@code PURISTA_AMQP_CONNECT_TIMEOUT}</td>
 *       <td>{@code 10s}</td></tr>
 *   <tr><td>{@link Builder#heartbeat heartbeat}</td><td>{@code PURISTA_AMQP_HEARTBEAT}</td><td>{@code 10s}</td></tr>
 *   <tr><td>{@link Builder#reconnectDelay reconnectDelay}</td><td>{@code PURISTA_AMQP_RECONNECT_DELAY}</td>
 *       <td>{@code 1s}</td></tr>
 *   <tr><td>{@link Builder#stopTimeout stopTimeout}</td><td>{@code PURISTA_AMQP_STOP_TIMEOUT}</td>
 *       <td>{@code 10s}</td></tr>
 * </table>
 *
 * <p>Durations take a unit: {@code 250ms}, {@code 30s}, {@code 2m}, or ISO-8601 such as {@code PT30S}; a bare
 * number is refused. While a variable's old name is still set, reading the environment fails with a message that
 * names the new one.
 *
 * <p>An {@code amqps://} URL, or {@link Builder#tls tls} settings, connect with TLS, verifying the broker's
 * certificate and host name; without a port, TLS connects to 5671. Passwords are never part of
 * {@link #toString()}.
 */
public final class AmqpBridgeConfig {
  /** The prefix of every environment variable this class reads. */
  public static final String ENV_PREFIX = "PURISTA_AMQP_";
  static final int PLAIN_PORT = 5672;
  static final int TLS_PORT = 5671;

  private final URI url;
  private final Credentials credentials;
  private final Tls tls;
  private final String exchange;
  private final String namePrefix;
  private final int prefetch;
  private final int maxAttempts;
  private final Duration retryDelay;
  private final Duration defaultCommandTimeout;
  private final String instanceId;
  private final String connectionName;
  private final Duration connectTimeout;
  private final Duration heartbeat;
  private final Duration reconnectDelay;
  private final Duration stopTimeout;

  private AmqpBridgeConfig(Builder builder) {
    this.url = builder.url;
    this.credentials = builder.credentials;
    this.tls = builder.tls;
    this.exchange = builder.exchange;
    this.namePrefix = builder.namePrefix;
    this.prefetch = builder.prefetch;
    this.maxAttempts = builder.maxAttempts;
    this.retryDelay = builder.retryDelay;
    this.defaultCommandTimeout = builder.defaultCommandTimeout;
    this.instanceId = builder.instanceId != null ? builder.instanceId : MessageIds.newId();
    this.connectionName = builder.connectionName != null ? builder.connectionName : "purista-" + instanceId;
    this.connectTimeout = builder.connectTimeout;
    this.heartbeat = builder.heartbeat;
    this.reconnectDelay = builder.reconnectDelay;
    this.stopTimeout = builder.stopTimeout;
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
    builder.credentials = credentials;
    builder.tls = tls;
    builder.exchange = exchange;
    builder.namePrefix = namePrefix;
    builder.prefetch = prefetch;
    builder.maxAttempts = maxAttempts;
    builder.retryDelay = retryDelay;
    builder.defaultCommandTimeout = defaultCommandTimeout;
    builder.instanceId = instanceId;
    builder.connectionName = connectionName;
    builder.connectTimeout = connectTimeout;
    builder.heartbeat = heartbeat;
    builder.reconnectDelay = reconnectDelay;
    builder.stopTimeout = stopTimeout;
    return builder;
  }

  public URI url() {
    return url;
  }

  /** Whether the bridge connects with TLS: an {@code amqps://} URL, or TLS settings given. */
  public boolean usesTls() {
    return tls != null || "amqps".equals(url.getScheme().toLowerCase(Locale.ROOT));
  }

  /** The port the bridge connects to: the URL's, else 5672, or 5671 with TLS. */
  public int port() {
    return url.getPort() != -1 ? url.getPort() : usesTls() ? TLS_PORT : PLAIN_PORT;
  }

  /** The credentials set apart from the URL, if any; they win over the URL's. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** The TLS settings; empty with TLS on ({@code amqps://}) means the JVM's defaults. */
  public Optional<Tls> tls() {
    return Optional.ofNullable(tls);
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

  public int maxAttempts() {
    return maxAttempts;
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

  public Duration reconnectDelay() {
    return reconnectDelay;
  }

  public Duration stopTimeout() {
    return stopTimeout;
  }

  /** The settings without secrets: credentials show the user name only. */
  @Override
  public String toString() {
    return "AmqpBridgeConfig[url=" + withoutUserInfo(url) + ", credentials=" + (credentials == null ? "from url"
        : credentials) + ", tls=" + (usesTls() ? tls().orElse(Tls.jvmDefaults()) : "off") + ", exchange=" + exchange
        + ", namePrefix=" + namePrefix + ", prefetch=" + prefetch + ", maxAttempts=" + maxAttempts + ", retryDelay="
        + retryDelay.toMillis() + "ms, defaultCommandTimeout=" + defaultCommandTimeout.toMillis() + "ms, instanceId="
        + instanceId + "]";
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
    /** AMQP 0-9-1 carries the heartbeat as an unsigned short of seconds. */
    private static final long MAX_HEARTBEAT_SECONDS = 65_535;

    private URI url = URI.create("amqp://localhost:5672");
    private Credentials credentials;
    private Tls tls;
    private String exchange = "purista";
    private String namePrefix = "purista";
    private int prefetch = 10;
    private int maxAttempts = 4;
    private Duration retryDelay = Duration.ofSeconds(1);
    private Duration defaultCommandTimeout = Duration.ofSeconds(30);
    private String instanceId;
    private String connectionName;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration heartbeat = Duration.ofSeconds(10);
    private Duration reconnectDelay = Duration.ofSeconds(1);
    private Duration stopTimeout = Duration.ofSeconds(10);

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
      if (parsed.getPort() != -1) {
        SettingChecks.port(parsed.getPort(), "the port of the AMQP url");
      }
      this.url = parsed;
      return this;
    }

    /** User name and password; they win over those of the URL. */
    public Builder credentials(String username, String password) {
      this.credentials = Credentials.of(username, password);
      return this;
    }

    /** TLS with these settings, whatever the URL's scheme; an {@code amqps://} URL alone uses the JVM's. */
    public Builder tls(Tls value) {
      this.tls = Objects.requireNonNull(value, "tls == null; leave it unset for plain TCP");
      return this;
    }

    /** The headers exchange every message is published to. */
    public Builder exchange(String value) {
      this.exchange = SettingChecks.text(value, "exchange");
      return this;
    }

    /** The first part of every queue name this bridge declares. */
    public Builder namePrefix(String value) {
      this.namePrefix = SettingChecks.text(value, "namePrefix");
      return this;
    }

    /** How many unacknowledged messages one command or subscription consumer holds at once. */
    public Builder prefetch(int value) {
      if (value < 1 || value > 65_535) {
        throw new IllegalArgumentException("prefetch must be from 1 to 65535: " + value);
      }
      this.prefetch = value;
      return this;
    }

    /** How many deliveries a durable subscription's message gets, the first included, before it is dead-lettered. */
    public Builder maxAttempts(int value) {
      this.maxAttempts = SettingChecks.atLeast(value, 1, "maxAttempts");
      return this;
    }

    /** How long a failed durable message waits before it is delivered again. */
    public Builder retryDelay(Duration value) {
      this.retryDelay = SettingChecks.notNegative(value, "retryDelay");
      return this;
    }

    public Builder defaultCommandTimeout(Duration value) {
      this.defaultCommandTimeout = SettingChecks.positive(value, "defaultCommandTimeout");
      return this;
    }

    /** This process's id; responses are addressed to it. Unique per process. */
    public Builder instanceId(String value) {
      this.instanceId = SettingChecks.text(value, "instanceId");
      return this;
    }

    /** The connection name the broker shows (management UI, {@code rabbitmqctl list_connections}). */
    public Builder connectionName(String value) {
      this.connectionName = SettingChecks.text(value, "connectionName");
      return this;
    }

    /** How long opening the connection (TCP and AMQP handshake) may take. */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = atMostIntMillis(SettingChecks.positive(value, "connectTimeout"), "connectTimeout");
      return this;
    }

    /**
     * AMQP heartbeat, in whole seconds; a dead peer is noticed after about twice this. Zero turns heartbeats off.
     */
    public Builder heartbeat(Duration value) {
      this.heartbeat = SettingChecks.wholeSeconds(value, "heartbeat", 1, MAX_HEARTBEAT_SECONDS,
          "turns heartbeats off");
      return this;
    }

    /** The pause between reconnect attempts after the broker connection is lost. */
    public Builder reconnectDelay(Duration value) {
      this.reconnectDelay = SettingChecks.positive(value, "reconnectDelay");
      return this;
    }

    /** How long {@link AmqpBridge#stop()} waits for in-flight handlers and calls before it closes. */
    public Builder stopTimeout(Duration value) {
      this.stopTimeout = SettingChecks.notNegative(value, "stopTimeout");
      return this;
    }

    public AmqpBridgeConfig build() {
      return new AmqpBridgeConfig(this);
    }

    /** The client takes this timeout as an int of milliseconds. */
    private static Duration atMostIntMillis(Duration value, String name) {
      if (value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException(name + " must be at most " + Integer.MAX_VALUE + "ms: " + value);
      }
      return value;
    }
  }
}
