package dev.purista.redis;

import dev.purista.core.spi.support.Credentials;
import dev.purista.core.spi.support.EnvironmentSettings;
import dev.purista.core.spi.support.SettingChecks;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the Redis stores keep their data. From code with {@link #builder()}, or from the environment:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>variable</th><th>default</th></tr>
 *   <tr><td>url</td><td>{@code PURISTA_REDIS_URL}</td><td>{@code redis://127.0.0.1:6379}; {@code rediss://} for
 *       TLS; a password as {@code redis://:password@host:6379} or {@code redis://user:password@host:6379}, a
 *       database as {@code /2}</td></tr>
 *   <tr><td>keyPrefix</td><td>{@code PURISTA_REDIS_KEY_PREFIX}</td><td>{@code purista:}; state keys are
 *       {@code <prefix>state:<key>}, config keys {@code <prefix>config:<key>}</td></tr>
 *   <tr><td>timeout</td><td>{@code PURISTA_REDIS_TIMEOUT}</td><td>{@code 2s}, to connect and per command</td></tr>
 *   <tr><td>maxConnections</td><td>{@code PURISTA_REDIS_MAX_CONNECTIONS}</td><td>{@code 16} per store</td></tr>
 * </table>
 */
public final class RedisStoreConfig {
  /** A local Redis on its standard port. */
  public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
  /** The prefix of every key the stores write. */
  public static final String DEFAULT_KEY_PREFIX = "purista:";

  private final URI url;
  private final String keyPrefix;
  private final Duration timeout;
  private final int maxConnections;

  private RedisStoreConfig(Builder builder) {
    this.url = builder.url;
    this.keyPrefix = builder.keyPrefix;
    this.timeout = builder.timeout;
    this.maxConnections = builder.maxConnections;
  }

  /** Settings from code, starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings from this process's environment ({@code PURISTA_REDIS_*}), over the defaults. */
  public static RedisStoreConfig fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  /** Settings from {@code environment}, over the defaults; a bad value fails naming its variable. */
  public static RedisStoreConfig fromEnvironment(Function<String, String> environment) {
    Builder builder = builder();
    EnvironmentSettings env = new EnvironmentSettings("PURISTA_REDIS_", environment);
    env.text("URL", builder::url);
    env.text("KEY_PREFIX", builder::keyPrefix);
    env.duration("TIMEOUT", builder::timeout);
    env.integer("MAX_CONNECTIONS", builder::maxConnections);
    return builder.build();
  }

  public URI url() {
    return url;
  }

  /** The URL as a message or log may show it: without its password. */
  public String displayUrl() {
    return Credentials.redact(url.toString());
  }

  public String keyPrefix() {
    return keyPrefix;
  }

  public Duration timeout() {
    return timeout;
  }

  public int maxConnections() {
    return maxConnections;
  }

  /** Builds a {@link RedisStoreConfig}; every setter checks its value. */
  public static final class Builder {
    private URI url = URI.create(DEFAULT_URL);
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private Duration timeout = Duration.ofSeconds(2);
    private int maxConnections = 16;

    private Builder() {
    }

    /** {@code redis://host:port} or {@code rediss://host:port}, with optional credentials and database. */
    public Builder url(String value) {
      String text = SettingChecks.text(value, "url");
      URI parsed;
      try {
        parsed = URI.create(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("url is not a URL: " + Credentials.redact(text), e);
      }
      String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("redis") && !scheme.equals("rediss") || parsed.getHost() == null) {
        throw new IllegalArgumentException("url must be redis://host:port or rediss://host:port, not "
            + Credentials.redact(text));
      }
      this.url = parsed;
      return this;
    }

    public Builder keyPrefix(String value) {
      this.keyPrefix = Objects.requireNonNull(value, "keyPrefix == null");
      return this;
    }

    public Builder timeout(Duration value) {
      this.timeout = SettingChecks.positive(value, "timeout");
      return this;
    }

    public Builder maxConnections(int value) {
      this.maxConnections = SettingChecks.atLeast(value, 1, "maxConnections");
      return this;
    }

    public RedisStoreConfig build() {
      return new RedisStoreConfig(this);
    }
  }
}
