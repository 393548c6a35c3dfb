package dev.purista.nats;

import dev.purista.core.spi.support.Credentials;
import dev.purista.core.spi.support.SettingChecks;
import dev.purista.core.spi.support.Tls;
import io.nats.client.Options;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything a {@link NatsBridge} needs to know about its broker, immutable. Build it in code or read it from the
 * environment; every setting has a {@code PURISTA_NATS_*} variable (see {@link #fromEnvironment()}) and a default
 * that works against a local {@code nats-server -js}.
 *
 * <pre>{@code
 * NatsBridgeConfig config = NatsBridgeConfig.builder()
 *     .urls("tls://nats-1.example.com:4222", "tls://nats-2.example.com:4222")
 *     .credentialsFile(Path.of("/run/secrets/service.creds"))
 *     .maxAttempts(5)
 *     .build();
 * NatsBridgeConfig fromEnv = NatsBridgeConfig.fromEnvironment();   // PURISTA_NATS_URL, PURISTA_NATS_TOKEN, ...
 * }</pre>
 *
 * <p>Concepts:
 * <ul>
 *   <li><b>URLs</b>: {@code nats://} is plain TCP, {@code tls://} is TLS with the JVM's default trust store
 *       ({@code javax.net.ssl.trustStore}), or with the {@link Builder#tls TLS settings} given in code;
 *       several URLs form the pool the client reconnects through.</li>
 *   <li><b>Credentials</b>: one of a {@code .creds} file (JWT and NKey), a token, or user name and password.
 *       Secrets never appear in {@link #toString()}.</li>
 *   <li><b>Subject prefix</b>: the first token of every PURISTA subject; services on different prefixes do not
 *       see each other.</li>
 *   <li><b>Streams</b>: durable subscriptions read from a JetStream stream that captures event subjects; failed
 *       messages end in a dead-letter stream after {@code maxAttempts} attempts.</li>
 * </ul>
 */
public final class NatsBridgeConfig {
  /** PURISTA's subject prefix. */
  public static final String DEFAULT_PREFIX = "purista";
  /**
   * PURISTA's placeholder for a subject token whose envelope field is empty, as it reaches the wire: the original
   * configures {@code __empty__} but passes it through its snake_case conversion with every other token, which
   * turns it into {@code empty}. Using the wire form means both sides name the same message by the same subject.
   */
  public static final String DEFAULT_EMPTY_PART = "empty";

  /** A private copy of the builder that made this config; builders are mutable, this copy never changes. */
  private final Builder settings;

  private NatsBridgeConfig(Builder builder) {
    this.settings = builder.copy();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings from the process environment; see {@link NatsEnvironment} for the variable names. */
  public static NatsBridgeConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** Settings from {@code environment}, a map of {@code PURISTA_NATS_*} variables; unset ones keep defaults. */
  public static NatsBridgeConfig fromEnvironment(Map<String, String> environment) {
    return fromEnvironment(environment::get);
  }

  /** Settings from the {@code PURISTA_NATS_*} variables {@code environment} looks up; unset ones keep defaults. */
  public static NatsBridgeConfig fromEnvironment(Function<String, String> environment) {
    return NatsEnvironment.read(environment, builder()).build();
  }

  public Builder toBuilder() {
    return settings.copy();
  }

  public List<String> urls() {
    return settings.urls;
  }

  /** The URLs as they may be shown in messages and logs: without passwords. */
  String urlsForLogs() {
    return settings.urls.stream().map(Credentials::redact).toList().toString();
  }

  /** User name and password, if the server asks for them. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(settings.credentials);
  }

  /** The token; only the connection factory reads it. */
  Optional<String> token() {
    return Optional.ofNullable(settings.token);
  }

  public Optional<Path> credentialsFile() {
    return Optional.ofNullable(settings.credentialsFile);
  }

  public String subjectPrefix() {
    return settings.subjectPrefix;
  }

  public String emptySubjectPart() {
    return settings.emptySubjectPart;
  }

  /** The stream of event subjects; by default named after the prefix, so two prefixes never share one. */
  public String streamName() {
    return settings.streamName != null ? settings.streamName : streamBaseName() + "_EVENTS";
  }

  public String deadLetterStreamName() {
    return settings.deadLetterStreamName != null ? settings.deadLetterStreamName
        : streamBaseName() + "_DEAD_LETTER";
  }

  private String streamBaseName() {
    return settings.subjectPrefix.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_-]", "_");
  }

  public int streamReplicas() {
    return settings.streamReplicas;
  }

  public Duration eventMaxAge() {
    return settings.eventMaxAge;
  }

  public Duration deadLetterMaxAge() {
    return settings.deadLetterMaxAge;
  }

  /** How many deliveries a durable subscription's message gets, the first included, before it is dead-lettered. */
  public int maxAttempts() {
    return settings.maxAttempts;
  }

  /** How many events of one durable consumer may be out with handlers, unacknowledged, across all instances. */
  public int maxAckPending() {
    return settings.maxAckPending;
  }

  public Duration ackWait() {
    return settings.ackWait;
  }

  public Duration retryDelay() {
    return settings.retryDelay;
  }

  /** When the broker removes a durable consumer nobody listens on; empty: never (per-instance ones: 1 h). */
  public Optional<Duration> consumerInactiveThreshold() {
    return Optional.ofNullable(settings.consumerInactiveThreshold);
  }

  /** Whether a durable subscription may fall back to at-most-once when the server has no JetStream. */
  public boolean durableFallback() {
    return settings.durableFallback;
  }

  public Duration defaultCommandTimeout() {
    return settings.defaultCommandTimeout;
  }

  /** The configured instance id; empty: the bridge makes a random one. */
  public Optional<String> instanceId() {
    return Optional.ofNullable(settings.instanceId);
  }

  public Duration reconnectDelay() {
    return settings.reconnectDelay;
  }

  public Duration connectTimeout() {
    return settings.connectTimeout;
  }

  public Duration stopTimeout() {
    return settings.stopTimeout;
  }

  /** Whether the connection uses TLS: a {@code tls://} URL (or {@code wss://}), or TLS settings given. */
  public boolean usesTls() {
    return settings.tls != null || settings.urls.stream().map(url -> url.toLowerCase(Locale.ROOT))
        .anyMatch(url -> url.startsWith("tls://") || url.startsWith("wss://"));
  }

  /** The TLS settings given in code; empty: {@code tls://} URLs use the JVM's defaults. */
  public Optional<Tls> tls() {
    return Optional.ofNullable(settings.tls);
  }

  Consumer<Options.Builder> clientOptions() {
    return settings.clientOptions;
  }

  /** The settings without secrets: credentials show only whether they are set. */
  @Override
  public String toString() {
    return "NatsBridgeConfig{urls=" + urlsForLogs() + ", credentials=" + (settings.credentials == null ? "unset"
        : settings.credentials) + ", token=" + (settings.token == null ? "unset" : "***")
        + ", credentialsFile=" + settings.credentialsFile + ", subjectPrefix=" + subjectPrefix() + ", streamName="
        + streamName() + ", deadLetterStreamName=" + deadLetterStreamName() + ", maxAttempts=" + maxAttempts()
        + ", ackWait=" + ackWait() + ", retryDelay=" + retryDelay() + ", defaultCommandTimeout="
        + defaultCommandTimeout() + ", instanceId=" + settings.instanceId + ", reconnectDelay=" + reconnectDelay()
        + ", tls=" + (usesTls() ? tls().orElse(Tls.jvmDefaults()) : "off") + "}";
  }

  /** Mutable builder; {@link #build()} checks the values. */
  public static final class Builder {
    private List<String> urls = List.of("nats://localhost:4222");
    private Credentials credentials;
    private String token;
    private Path credentialsFile;
    private String subjectPrefix = DEFAULT_PREFIX;
    private String emptySubjectPart = DEFAULT_EMPTY_PART;
    private String streamName;
    private String deadLetterStreamName;
    private int streamReplicas = 1;
    private Duration eventMaxAge = Duration.ofDays(7);
    private Duration deadLetterMaxAge = Duration.ofDays(30);
    private int maxAttempts = 4;
    private int maxAckPending = 64;
    private Duration ackWait = Duration.ofSeconds(30);
    private Duration retryDelay = Duration.ofSeconds(1);
    private Duration consumerInactiveThreshold;
    private boolean durableFallback;
    private Duration defaultCommandTimeout = Duration.ofSeconds(30);
    private String instanceId;
    private Duration reconnectDelay = Duration.ofSeconds(2);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration stopTimeout = Duration.ofSeconds(10);
    private Tls tls;
    private Consumer<Options.Builder> clientOptions = options -> { };

    private Builder() {
    }

    /** One server URL, {@code nats://host:port} or {@code tls://host:port}. */
    public Builder url(String value) {
      return urls(value);
    }

    /** The server pool; the client connects to one and reconnects through the others. */
    public Builder urls(String... values) {
      if (values == null || values.length == 0) {
        throw new IllegalArgumentException("at least one NATS URL is needed");
      }
      for (String value : values) {
        checkUrl(value);
      }
      this.urls = List.of(values);
      return this;
    }

    /** User name and password, for a server that asks for them; one of these, a token or a credentials file. */
    public Builder credentials(String username, String password) {
      this.credentials = Credentials.of(username, password);
      return this;
    }

    public Builder token(String value) {
      this.token = value;
      return this;
    }

    /** A NATS {@code .creds} file with the user JWT and NKey seed. */
    public Builder credentialsFile(Path value) {
      this.credentialsFile = value;
      return this;
    }

    public Builder subjectPrefix(String value) {
      this.subjectPrefix = checkToken(value, "subjectPrefix");
      return this;
    }

    public Builder emptySubjectPart(String value) {
      this.emptySubjectPart = checkToken(value, "emptySubjectPart");
      return this;
    }

    public Builder streamName(String value) {
      this.streamName = checkToken(value, "streamName");
      return this;
    }

    public Builder deadLetterStreamName(String value) {
      this.deadLetterStreamName = checkToken(value, "deadLetterStreamName");
      return this;
    }

    public Builder streamReplicas(int value) {
      if (value < 1 || value > 5) {
        throw new IllegalArgumentException("streamReplicas must be 1 to 5: " + value);
      }
      this.streamReplicas = value;
      return this;
    }

    public Builder eventMaxAge(Duration value) {
      this.eventMaxAge = positive(value, "eventMaxAge");
      return this;
    }

    public Builder deadLetterMaxAge(Duration value) {
      this.deadLetterMaxAge = positive(value, "deadLetterMaxAge");
      return this;
    }

    /** How many deliveries a durable subscription's message gets, the first included, before it is dead-lettered. */
    public Builder maxAttempts(int value) {
      this.maxAttempts = SettingChecks.atLeast(value, 1, "maxAttempts");
      return this;
    }

    /**
     * Events handed out and not yet acknowledged, per durable consumer. Events beyond what the handlers run at
     * once only wait in the client, and their ack wait runs while they wait, so a value far above the service's
     * concurrency turns a slow moment into redeliveries. The default matches the runtime's default concurrency.
     */
    public Builder maxAckPending(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxAckPending must be at least 1: " + value);
      }
      this.maxAckPending = value;
      return this;
    }

    public Builder ackWait(Duration value) {
      this.ackWait = positive(value, "ackWait");
      return this;
    }

    public Builder retryDelay(Duration value) {
      this.retryDelay = SettingChecks.notNegative(value, "retryDelay");
      return this;
    }

    /** {@code null}: durable consumers stay until deleted by hand. */
    public Builder consumerInactiveThreshold(Duration value) {
      this.consumerInactiveThreshold = value == null ? null : positive(value, "consumerInactiveThreshold");
      return this;
    }

    public Builder durableFallback(boolean value) {
      this.durableFallback = value;
      return this;
    }

    public Builder defaultCommandTimeout(Duration value) {
      this.defaultCommandTimeout = positive(value, "defaultCommandTimeout");
      return this;
    }

    public Builder instanceId(String value) {
      this.instanceId = value == null ? null : checkToken(value, "instanceId");
      return this;
    }

    public Builder reconnectDelay(Duration value) {
      this.reconnectDelay = positive(value, "reconnectDelay");
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /** How long {@link NatsBridge#stop()} waits for handlers in flight before it closes. */
    public Builder stopTimeout(Duration value) {
      this.stopTimeout = SettingChecks.notNegative(value, "stopTimeout");
      return this;
    }

    /**
     * TLS settings, for a private CA or a client certificate. Setting them turns TLS on, as a {@code tls://} URL
     * does, for every server of the pool. The server's certificate is checked against their trust material, and
     * its host name against the URL's host.
     *
     * <pre>{@code
     * NatsBridge.configure(c -> c.url("tls://nats.internal:4222").tls(Tls.trusting(companyCa)));
     * }</pre>
     */
    public Builder tls(Tls value) {
      this.tls = Objects.requireNonNull(value, "tls == null; leave it unset for plain TCP");
      return this;
    }

    /**
     * Last word on the jnats {@link Options}, applied after the bridge's own settings: a custom auth handler,
     * buffer sizes. For TLS use {@link #tls}: an {@code SSLContext} set here replaces the bridge's, and
     * with it the host name check. The bridge relies on reconnects, headers and no-responders reports, so
     * do not switch those off here.
     */
    public Builder clientOptions(Consumer<Options.Builder> value) {
      if (value == null) {
        throw new NullPointerException("clientOptions == null");
      }
      this.clientOptions = value;
      return this;
    }

    private Builder copy() {
      Builder b = new Builder();
      b.urls = urls;
      b.credentials = credentials;
      b.token = token;
      b.credentialsFile = credentialsFile;
      b.subjectPrefix = subjectPrefix;
      b.emptySubjectPart = emptySubjectPart;
      b.streamName = streamName;
      b.deadLetterStreamName = deadLetterStreamName;
      b.streamReplicas = streamReplicas;
      b.eventMaxAge = eventMaxAge;
      b.deadLetterMaxAge = deadLetterMaxAge;
      b.maxAttempts = maxAttempts;
      b.maxAckPending = maxAckPending;
      b.ackWait = ackWait;
      b.retryDelay = retryDelay;
      b.consumerInactiveThreshold = consumerInactiveThreshold;
      b.durableFallback = durableFallback;
      b.defaultCommandTimeout = defaultCommandTimeout;
      b.instanceId = instanceId;
      b.reconnectDelay = reconnectDelay;
      b.connectTimeout = connectTimeout;
      b.stopTimeout = stopTimeout;
      b.tls = tls;
      b.clientOptions = clientOptions;
      return b;
    }

    public NatsBridgeConfig build() {
      int ways = (token != null ? 1 : 0) + (credentials != null ? 1 : 0) + (credentialsFile != null ? 1 : 0);
      if (ways > 1) {
        throw new IllegalArgumentException("choose one of credentials file, token, or user name and password");
      }
      return new NatsBridgeConfig(this);
    }

    private static Duration positive(Duration value, String name) {
      return SettingChecks.positive(value, name);
    }

    /** A server URL the client can use: a known scheme, a host, and a port in range if one is given. */
    private static void checkUrl(String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("NATS URL must not be blank");
      }
      URI parsed;
      try {
        parsed = new URI(value.trim());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("NATS URL is not a URL: " + e.getMessage(), e);
      }
      String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      if (!List.of("nats", "tls", "ws", "wss").contains(scheme) || parsed.getHost() == null) {
        throw new IllegalArgumentException("NATS URL must be nats://, tls://, ws:// or wss:// with a host: "
            + parsed.getScheme() + "://" + parsed.getHost());
      }
      if (parsed.getPort() != -1) {
        SettingChecks.port(parsed.getPort(), "the port of NATS URL " + parsed.getHost());
      }
    }

    /** Subject tokens and stream names share one rule: no dots, wildcards or whitespace. */
    private static String checkToken(String value, String name) {
      if (value == null || value.isEmpty() || !value.matches("[^.*>\\s]+")) {
        throw new IllegalArgumentException(name + " must be non-empty without '.', '*', '>' or whitespace: '"
            + value + "'");
      }
      return value;
    }
  }
}
