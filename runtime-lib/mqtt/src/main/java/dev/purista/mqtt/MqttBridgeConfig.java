package dev.purista.mqtt;

import dev.purista.core.message.MessageIds;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The settings of an {@link MqttBridge}. Build them in code ({@link #builder()}) or read them from the
 * environment ({@link #fromEnvironment()}, variables {@code PURISTA_MQTT_*}); docs/bridges/mqtt.md lists every
 * setting with its variable and default.
 *
 * <p>Two settings decide what "durable" can mean:
 * <ul>
 *   <li>{@code clientId}: every durable subscription keeps a persistent broker session named after it. When you
 *       set a client id that is stable and unique per instance (a pod name, a host name), a restarted process
 *       resumes those sessions and gets what was published while it was down. When you leave it unset, the bridge
 *       makes one up; the sessions then survive a dropped connection or a broker restart, but no later process
 *       can resume them, so the bridge ends them when it stops.</li>
 *   <li>{@code sessionExpiry}: how long the broker keeps such a session while nobody is connected to it. Default:
 *       1 day with your client id, 5 minutes with a made-up one, because a session nobody will resume keeps
 *       taking its share of a shared subscription's messages until it expires.</li>
 * </ul>
 *
 * <p>{@link #toString()} never shows the password.
 */
public final class MqttBridgeConfig {
  static final Duration RESUMABLE_SESSION_EXPIRY = Duration.ofDays(1);
  static final Duration MADE_UP_SESSION_EXPIRY = Duration.ofMinutes(5);

  private final String host;
  private final int port;
  private final boolean tls;
  private final TrustManagerFactory trustManagerFactory;
  private final KeyManagerFactory keyManagerFactory;
  private final String username;
  private final String password;
  private final String topicPrefix;
  private final String shareGroup;
  private final String instanceId;
  private final String clientId;
  private final boolean clientIdGiven;
  private final Duration sessionExpiry;
  private final boolean sessionExpiryGiven;
  private final int nonDurableQos;
  private final int maxRetries;
  private final Duration retryDelay;
  private final Duration defaultCommandTimeout;
  private final Duration eventExpiry;
  private final Duration connectTimeout;
  private final Duration keepAlive;
  private final Duration reconnectDelay;
  private final Duration reconnectMaxDelay;
  private final Duration stopTimeout;
  private final Duration restartHold;

  private MqttBridgeConfig(Builder builder) {
    this.host = builder.host;
    this.tls = builder.tls;
    this.port = builder.port != 0 ? builder.port : tls ? BrokerUrl.TLS_PORT : BrokerUrl.PLAIN_PORT;
    this.trustManagerFactory = builder.trustManagerFactory;
    this.keyManagerFactory = builder.keyManagerFactory;
    this.username = builder.username;
    this.password = builder.password;
    this.topicPrefix = builder.topicPrefix;
    this.shareGroup = builder.shareGroup;
    this.instanceId = builder.instanceId != null ? builder.instanceId : MessageIds.newId();
    this.clientIdGiven = builder.clientId != null;
    this.clientId = clientIdGiven ? builder.clientId : "purista-" + instanceId;
    this.sessionExpiryGiven = builder.sessionExpiry != null;
    this.sessionExpiry = sessionExpiryGiven ? builder.sessionExpiry
        : clientIdGiven ? RESUMABLE_SESSION_EXPIRY : MADE_UP_SESSION_EXPIRY;
    this.nonDurableQos = builder.nonDurableQos;
    this.maxRetries = builder.maxRetries;
    this.retryDelay = builder.retryDelay;
    this.defaultCommandTimeout = builder.defaultCommandTimeout;
    this.eventExpiry = builder.eventExpiry;
    this.connectTimeout = builder.connectTimeout;
    this.keepAlive = builder.keepAlive;
    this.reconnectDelay = builder.reconnectDelay;
    this.reconnectMaxDelay = builder.reconnectMaxDelay;
    this.stopTimeout = builder.stopTimeout;
    this.restartHold = builder.restartHold;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The settings from the process environment, on top of the defaults. */
  public static MqttBridgeConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** The settings from {@code environment} (variables {@code PURISTA_MQTT_*}), on top of the defaults. */
  public static MqttBridgeConfig fromEnvironment(Map<String, String> environment) {
    Builder builder = builder();
    MqttEnvironment.apply(environment, builder);
    return builder.build();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.host = host;
    builder.port = port;
    builder.tls = tls;
    builder.trustManagerFactory = trustManagerFactory;
    builder.keyManagerFactory = keyManagerFactory;
    builder.username = username;
    builder.password = password;
    builder.topicPrefix = topicPrefix;
    builder.shareGroup = shareGroup;
    builder.instanceId = instanceId;
    builder.clientId = clientIdGiven ? clientId : null;
    builder.sessionExpiry = sessionExpiryGiven ? sessionExpiry : null;
    builder.nonDurableQos = nonDurableQos;
    builder.maxRetries = maxRetries;
    builder.retryDelay = retryDelay;
    builder.defaultCommandTimeout = defaultCommandTimeout;
    builder.eventExpiry = eventExpiry;
    builder.connectTimeout = connectTimeout;
    builder.keepAlive = keepAlive;
    builder.reconnectDelay = reconnectDelay;
    builder.reconnectMaxDelay = reconnectMaxDelay;
    builder.stopTimeout = stopTimeout;
    builder.restartHold = restartHold;
    return builder;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public boolean tls() {
    return tls;
  }

  public Optional<TrustManagerFactory> trustManagerFactory() {
    return Optional.ofNullable(trustManagerFactory);
  }

  public Optional<KeyManagerFactory> keyManagerFactory() {
    return Optional.ofNullable(keyManagerFactory);
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  public String topicPrefix() {
    return topicPrefix;
  }

  public String shareGroup() {
    return shareGroup;
  }

  public String instanceId() {
    return instanceId;
  }

  public String clientId() {
    return clientId;
  }

  /** Whether the client id was given rather than made up, so that a later process can resume its sessions. */
  public boolean sessionsResumable() {
    return clientIdGiven;
  }

  public Duration sessionExpiry() {
    return sessionExpiry;
  }

  public int nonDurableQos() {
    return nonDurableQos;
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

  public Duration eventExpiry() {
    return eventExpiry;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration keepAlive() {
    return keepAlive;
  }

  public Duration reconnectDelay() {
    return reconnectDelay;
  }

  public Duration reconnectMaxDelay() {
    return reconnectMaxDelay;
  }

  public Duration stopTimeout() {
    return stopTimeout;
  }

  /**
   * How long after the main connection came back an event that the broker acknowledged with "no matching
   * subscribers" is held and published again, giving subscribers time to subscribe again after a broker restart;
   * zero turns the hold off.
   */
  public Duration restartHold() {
    return restartHold;
  }

  @Override
  public String toString() {
    return "MqttBridgeConfig{" + (tls ? "mqtts://" : "mqtt://") + (username != null ? username + "@" : "") + host
        + ":" + port + ", topicPrefix=" + topicPrefix + ", shareGroup=" + shareGroup + ", instanceId=" + instanceId
        + ", clientId=" + clientId + (clientIdGiven ? "" : " (made up)") + ", sessionExpiry=" + sessionExpiry
        + ", nonDurableQos=" + nonDurableQos + ", maxRetries=" + maxRetries + ", retryDelay=" + retryDelay
        + ", defaultCommandTimeout=" + defaultCommandTimeout + ", restartHold=" + restartHold + "}";
  }

  /** Mutable builder; {@link #build()} checks the values. */
  public static final class Builder {
    private String host = "localhost";
    private int port;
    private boolean tls;
    private TrustManagerFactory trustManagerFactory;
    private KeyManagerFactory keyManagerFactory;
    private String username;
    private String password;
    private String topicPrefix = "purista";
    private String shareGroup = "sharedpurista";
    private String instanceId;
    private String clientId;
    private Duration sessionExpiry;
    private int nonDurableQos = 1;
    private int maxRetries = 3;
    private Duration retryDelay = Duration.ofMillis(100);
    private Duration defaultCommandTimeout = Duration.ofSeconds(30);
    private Duration eventExpiry = Duration.ofDays(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration keepAlive = Duration.ofSeconds(10);
    private Duration reconnectDelay = Duration.ofMillis(200);
    private Duration reconnectMaxDelay = Duration.ofSeconds(5);
    private Duration stopTimeout = Duration.ofSeconds(10);
    private Duration restartHold = Duration.ofSeconds(10);

    private Builder() {
    }

    /**
     * Host, port, TLS and credentials from a URL: {@code mqtt://} or {@code tcp://} (plain), {@code mqtts://},
     * {@code ssl://} or {@code tls://} (TLS), with optional {@code user:password@}.
     */
    public Builder url(String url) {
      BrokerUrl parsed = BrokerUrl.parse(url);
      this.host = parsed.host();
      this.port = parsed.port();
      this.tls = parsed.tls();
      if (parsed.username() != null) {
        this.username = parsed.username();
        this.password = parsed.password();
      }
      return this;
    }

    public Builder host(String value) {
      this.host = SettingChecks.text(value, "host");
      return this;
    }

    /** The broker port; without one, 1883, or 8883 with TLS. */
    public Builder port(int value) {
      if (value < 1 || value > 65_535) {
        throw new IllegalArgumentException("port must be 1..65535: " + value);
      }
      this.port = value;
      return this;
    }

    /** TLS with the JVM's default trust store, unless a trust manager factory is given. */
    public Builder tls(boolean value) {
      this.tls = value;
      return this;
    }

    /** The trust store for TLS, for a broker certificate the JVM does not trust; turns TLS on. */
    public Builder trustManagerFactory(TrustManagerFactory value) {
      this.trustManagerFactory = value;
      this.tls = true;
      return this;
    }

    /** The client certificate for TLS with client authentication; turns TLS on. */
    public Builder keyManagerFactory(KeyManagerFactory value) {
      this.keyManagerFactory = value;
      this.tls = true;
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

    public Builder topicPrefix(String value) {
      this.topicPrefix = SettingChecks.segment(value, "topicPrefix");
      if (value.startsWith("$")) {
        throw new IllegalArgumentException("topicPrefix must not start with '$', which marks broker topics");
      }
      return this;
    }

    public Builder shareGroup(String value) {
      this.shareGroup = SettingChecks.segment(value, "shareGroup");
      return this;
    }

    /** The id responses are addressed to; unique per process. Default: random. */
    public Builder instanceId(String value) {
      this.instanceId = SettingChecks.segment(value, "instanceId");
      return this;
    }

    /** A client id that is stable and unique per instance, so that durable sessions survive a restart. */
    public Builder clientId(String value) {
      this.clientId = SettingChecks.text(value, "clientId");
      return this;
    }

    public Builder sessionExpiry(Duration value) {
      this.sessionExpiry = SettingChecks.positive(value, "sessionExpiry");
      return this;
    }

    /** QoS of non-durable subscriptions: 0 or 1 (default). Either way they are at most once. */
    public Builder nonDurableQos(int value) {
      if (value != 0 && value != 1) {
        throw new IllegalArgumentException("nonDurableQos must be 0 or 1: " + value);
      }
      this.nonDurableQos = value;
      return this;
    }

    /** How often a durable subscription retries a failed message before dead-lettering it (default 3). */
    public Builder maxRetries(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative: " + value);
      }
      this.maxRetries = value;
      return this;
    }

    public Builder retryDelay(Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException("retryDelay must not be negative: " + value);
      }
      this.retryDelay = value;
      return this;
    }

    public Builder defaultCommandTimeout(Duration value) {
      this.defaultCommandTimeout = SettingChecks.positive(value, "defaultCommandTimeout");
      return this;
    }

    /** How long the broker keeps an undelivered event (MQTT message expiry); default 30 days, as PURISTA. */
    public Builder eventExpiry(Duration value) {
      this.eventExpiry = SettingChecks.positive(value, "eventExpiry");
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = SettingChecks.positive(value, "connectTimeout");
      return this;
    }

    public Builder keepAlive(Duration value) {
      this.keepAlive = SettingChecks.positive(value, "keepAlive");
      return this;
    }

    public Builder reconnectDelay(Duration value) {
      this.reconnectDelay = SettingChecks.positive(value, "reconnectDelay");
      return this;
    }

    public Builder reconnectMaxDelay(Duration value) {
      this.reconnectMaxDelay = SettingChecks.positive(value, "reconnectMaxDelay");
      return this;
    }

    /** How long {@link MqttBridge#stop()} waits for messages in flight before it disconnects. */
    public Builder stopTimeout(Duration value) {
      this.stopTimeout = SettingChecks.positive(value, "stopTimeout");
      return this;
    }

    /**
     * How long after a reconnect an event that no subscription matched is held and published again (zero: not
     * at all). Cover the time the subscribers need to reconnect and subscribe after a broker restart, which is up
     * to their {@code reconnectMaxDelay} plus a round trip; an {@code emit} waits at most this much longer.
     */
    public Builder restartHold(Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException("restartHold must be zero or positive: " + value);
      }
      this.restartHold = value;
      return this;
    }

    public MqttBridgeConfig build() {
      if (reconnectMaxDelay.compareTo(reconnectDelay) < 0) {
        throw new IllegalArgumentException("reconnectMaxDelay " + reconnectMaxDelay + " is below reconnectDelay "
            + reconnectDelay);
      }
      if (password != null && username == null) {
        throw new IllegalArgumentException("a password needs a username");
      }
      return new MqttBridgeConfig(this);
    }
  }
}
