package dev.purista.mqtt;

import dev.purista.core.message.MessageIds;
import dev.purista.core.spi.support.Credentials;
import dev.purista.core.spi.support.SettingChecks;
import dev.purista.core.spi.support.Tls;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
  private final Tls tlsSettings;
  private final Credentials credentials;
  private final String topicPrefix;
  private final String shareGroup;
  private final String instanceId;
  private final String clientId;
  private final boolean clientIdGiven;
  private final Duration sessionExpiry;
  private final boolean sessionExpiryGiven;
  private final int nonDurableQos;
  private final int maxAttempts;
  private final Duration retryDelay;
  private final Duration defaultCommandTimeout;
  private final Duration eventExpiry;
  private final Duration connectTimeout;
  private final Duration keepAlive;
  private final Duration reconnectDelay;
  private final Duration reconnectMaxDelay;
  private final Duration stopTimeout;
  private final Duration restartHold;
  private final Duration sharedRenewal;

  private MqttBridgeConfig(Builder builder) {
    this.host = builder.host;
    this.tls = builder.tls;
    // Without a port of its own, the port follows the TLS switch, however TLS was turned on.
    this.port = builder.port != 0 ? builder.port : tls ? BrokerUrl.TLS_PORT : BrokerUrl.PLAIN_PORT;
    this.tlsSettings = builder.tlsSettings;
    this.credentials = builder.credentials;
    this.topicPrefix = builder.topicPrefix;
    this.shareGroup = builder.shareGroup;
    this.instanceId = builder.instanceId != null ? builder.instanceId : MessageIds.newId();
    this.clientIdGiven = builder.clientId != null;
    this.clientId = clientIdGiven ? builder.clientId : "purista-" + instanceId;
    this.sessionExpiryGiven = builder.sessionExpiry != null;
    this.sessionExpiry = sessionExpiryGiven ? builder.sessionExpiry
        : clientIdGiven ? RESUMABLE_SESSION_EXPIRY : MADE_UP_SESSION_EXPIRY;
    this.nonDurableQos = builder.nonDurableQos;
    this.maxAttempts = builder.maxAttempts;
    this.retryDelay = builder.retryDelay;
    this.defaultCommandTimeout = builder.defaultCommandTimeout;
    this.eventExpiry = builder.eventExpiry;
    this.connectTimeout = builder.connectTimeout;
    this.keepAlive = builder.keepAlive;
    this.reconnectDelay = builder.reconnectDelay;
    this.reconnectMaxDelay = builder.reconnectMaxDelay;
    this.stopTimeout = builder.stopTimeout;
    this.restartHold = builder.restartHold;
    this.sharedRenewal = builder.sharedRenewal;
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
    return fromEnvironment(Objects.requireNonNull(environment, "environment == null")::get);
  }

  /** The settings that {@code environment} looks up (variables {@code PURISTA_MQTT_*}), on top of the defaults. */
  public static MqttBridgeConfig fromEnvironment(Function<String, String> environment) {
    Builder builder = builder();
    MqttEnvironment.apply(environment, builder);
    return builder.build();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.host = host;
    builder.port = port;
    builder.tls = tls;
    builder.tlsSettings = tlsSettings;
    builder.credentials = credentials;
    builder.topicPrefix = topicPrefix;
    builder.shareGroup = shareGroup;
    builder.instanceId = instanceId;
    builder.clientId = clientIdGiven ? clientId : null;
    builder.sessionExpiry = sessionExpiryGiven ? sessionExpiry : null;
    builder.nonDurableQos = nonDurableQos;
    builder.maxAttempts = maxAttempts;
    builder.retryDelay = retryDelay;
    builder.defaultCommandTimeout = defaultCommandTimeout;
    builder.eventExpiry = eventExpiry;
    builder.connectTimeout = connectTimeout;
    builder.keepAlive = keepAlive;
    builder.reconnectDelay = reconnectDelay;
    builder.reconnectMaxDelay = reconnectMaxDelay;
    builder.stopTimeout = stopTimeout;
    builder.restartHold = restartHold;
    builder.sharedRenewal = sharedRenewal;
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

  /** The TLS settings given in code; empty with TLS on means the JVM's defaults. */
  public Optional<Tls> tlsSettings() {
    return Optional.ofNullable(tlsSettings);
  }

  /** User name and password, if the broker asks for them. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
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

  /** How many deliveries a durable subscription's message gets, the first included, before it is dead-lettered. */
  public int maxAttempts() {
    return maxAttempts;
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

  /**
   * How often a durable shared subscription sends its SUBSCRIBE again while connected, to get HiveMQ CE past a
   * shared queue that stalls after a crash; zero turns it off.
   */
  public Duration sharedRenewal() {
    return sharedRenewal;
  }

  @Override
  public String toString() {
    return "MqttBridgeConfig{" + (tls ? "mqtts://" : "mqtt://") + (credentials != null ? credentials + "@" : "") + host
        + ":" + port + ", topicPrefix=" + topicPrefix + ", shareGroup=" + shareGroup + ", instanceId=" + instanceId
        + ", clientId=" + clientId + (clientIdGiven ? "" : " (made up)") + ", sessionExpiry=" + sessionExpiry
        + ", nonDurableQos=" + nonDurableQos + ", maxAttempts=" + maxAttempts + ", retryDelay=" + retryDelay
        + ", defaultCommandTimeout=" + defaultCommandTimeout + ", restartHold=" + restartHold + ", sharedRenewal=" + sharedRenewal + "}";
  }

  /** Mutable builder; {@link #build()} checks the values. */
  public static final class Builder {
    /** MQTT 5 carries session and message expiry as a four-byte count of seconds. */
    private static final long MAX_INTERVAL_SECONDS = 4_294_967_295L;
    /** MQTT carries the keep-alive as a two-byte count of seconds. */
    private static final long MAX_KEEP_ALIVE_SECONDS = 65_535;

    private String host = "localhost";
    private int port;
    private boolean tls;
    private Tls tlsSettings;
    private Credentials credentials;
    private String topicPrefix = "purista";
    private String shareGroup = "sharedpurista";
    private String instanceId;
    private String clientId;
    private Duration sessionExpiry;
    private int nonDurableQos = 1;
    private int maxAttempts = 4;
    private Duration retryDelay = Duration.ofMillis(100);
    private Duration defaultCommandTimeout = Duration.ofSeconds(30);
    // Below 2,147,483 s: ActiveMQ Artemis 2.40 turns a longer expiry into a negative one and drops the event after
    // acknowledging it (docs/bridges/mqtt.md, The broker).
    private Duration eventExpiry = Duration.ofDays(24);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration keepAlive = Duration.ofSeconds(10);
    private Duration reconnectDelay = Duration.ofMillis(200);
    private Duration reconnectMaxDelay = Duration.ofSeconds(5);
    private Duration stopTimeout = Duration.ofSeconds(10);
    private Duration restartHold = Duration.ofSeconds(10);
    private Duration sharedRenewal = Duration.ofSeconds(1);

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
        this.credentials = Credentials.of(parsed.username(), parsed.password() == null ? "" : parsed.password());
      }
      return this;
    }

    public Builder host(String value) {
      this.host = SettingChecks.text(value, "host");
      return this;
    }

    /** The broker port; without one, 1883, or 8883 with TLS. */
    public Builder port(int value) {
      this.port = SettingChecks.port(value, "port");
      return this;
    }

    /**
     * TLS on or off; on, with the JVM's default trust store unless {@link #tls(Tls) settings} are given. Without
     * a port of its own, the bridge then connects to 8883 instead of 1883.
     */
    public Builder tls(boolean value) {
      this.tls = value;
      return this;
    }

    /** TLS with these settings, for a private CA or a client certificate; turns TLS on. */
    public Builder tls(Tls value) {
      this.tlsSettings = Objects.requireNonNull(value, "tls == null; use tls(false) for plain TCP");
      this.tls = true;
      return this;
    }

    /**
     * User name and password; they win over the URL's. MQTT allows a user name alone: give an empty password,
     * and none is sent.
     */
    public Builder credentials(String username, String password) {
      this.credentials = Credentials.of(username, password);
      return this;
    }

    public Builder topicPrefix(String value) {
      this.topicPrefix = TopicNames.segment(value, "topicPrefix");
      if (value.startsWith("$")) {
        throw new IllegalArgumentException("topicPrefix must not start with '$', which marks broker topics");
      }
      return this;
    }

    public Builder shareGroup(String value) {
      this.shareGroup = TopicNames.segment(value, "shareGroup");
      return this;
    }

    /** The id responses are addressed to; unique per process. Default: random. */
    public Builder instanceId(String value) {
      this.instanceId = TopicNames.segment(value, "instanceId");
      return this;
    }

    /** A client id that is stable and unique per instance, so that durable sessions survive a restart. */
    public Builder clientId(String value) {
      this.clientId = SettingChecks.text(value, "clientId");
      return this;
    }

    /** How long the broker keeps a durable subscription's session while it is away; whole seconds. */
    public Builder sessionExpiry(Duration value) {
      this.sessionExpiry = SettingChecks.wholeSeconds(value, "sessionExpiry", 1, MAX_INTERVAL_SECONDS, null);
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

    /** How many deliveries a durable subscription's message gets, the first included, before it is dead-lettered. */
    public Builder maxAttempts(int value) {
      this.maxAttempts = SettingChecks.atLeast(value, 1, "maxAttempts");
      return this;
    }

    public Builder retryDelay(Duration value) {
      this.retryDelay = SettingChecks.notNegative(value, "retryDelay");
      return this;
    }

    public Builder defaultCommandTimeout(Duration value) {
      this.defaultCommandTimeout = SettingChecks.positive(value, "defaultCommandTimeout");
      return this;
    }

    /**
     * How long the broker keeps an undelivered event (MQTT message expiry), in whole seconds; default 24 days. On
     * ActiveMQ Artemis keep it at or below 2,147,483 s (24.8 days): Artemis drops longer-lived events.
     */
    public Builder eventExpiry(Duration value) {
      this.eventExpiry = SettingChecks.wholeSeconds(value, "eventExpiry", 1, MAX_INTERVAL_SECONDS, null);
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = SettingChecks.positive(value, "connectTimeout");
      return this;
    }

    /** How often the client shows the broker it is alive when idle; whole seconds, as MQTT sends it. */
    public Builder keepAlive(Duration value) {
      this.keepAlive = SettingChecks.wholeSeconds(value, "keepAlive", 1, MAX_KEEP_ALIVE_SECONDS, null);
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
      this.stopTimeout = SettingChecks.notNegative(value, "stopTimeout");
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

    /**
     * How often a durable shared subscription subscribes again while connected (zero: never). HiveMQ CE needs it
     * after a crash; on ActiveMQ Artemis each renewal sends the messages in flight again, so turn it off there.
     */
    public Builder sharedRenewal(Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException("sharedRenewal must be zero or positive: " + value);
      }
      this.sharedRenewal = value;
      return this;
    }

    public MqttBridgeConfig build() {
      if (reconnectMaxDelay.compareTo(reconnectDelay) < 0) {
        throw new IllegalArgumentException("reconnectMaxDelay " + reconnectMaxDelay + " is below reconnectDelay "
            + reconnectDelay);
      }
      return new MqttBridgeConfig(this);
    }
  }
}
