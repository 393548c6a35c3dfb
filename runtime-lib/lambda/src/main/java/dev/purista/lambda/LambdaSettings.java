package dev.purista.lambda;

import dev.purista.core.spi.support.EnvironmentSettings;
import dev.purista.http.HttpSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The settings of a {@link LambdaFunction}, from code or from the environment. HTTP events use the
 * {@link HttpSettings} of purista-http ({@code PURISTA_HTTP_MAX_BODY_BYTES}, {@code PURISTA_HTTP_COMMAND_TIMEOUT},
 * {@code PURISTA_HTTP_CORS_ORIGINS}, {@code PURISTA_HTTP_JWT_*}; the listener settings do not apply). Its own
 * variables, read with the runtime's common rules (blank is unset, durations need a unit, a bad value fails
 * naming the variable):
 *
 * <table>
 *   <caption>PURISTA_LAMBDA_ variables</caption>
 *   <tr><td>{@code PURISTA_LAMBDA_MAX_EVENT_BYTES}</td><td>largest event; 6291456 (6 MiB, Lambda's own limit for
 *       a synchronous invocation)</td></tr>
 *   <tr><td>{@code PURISTA_LAMBDA_DEADLINE_MARGIN}</td><td>time kept back from the invocation's remaining time
 *       to write the answer; {@code 200ms}</td></tr>
 * </table>
 */
public final class LambdaSettings {
  static final String PREFIX = "PURISTA_LAMBDA_";

  private final HttpSettings http;
  private final long maxEventBytes;
  private final Duration deadlineMargin;

  private LambdaSettings(Builder builder) {
    this.http = builder.http;
    this.maxEventBytes = builder.maxEventBytes;
    this.deadlineMargin = builder.deadlineMargin;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults overridden by the {@code PURISTA_LAMBDA_*} and {@code PURISTA_HTTP_*} variables of {@code environment}. */
  public static Builder fromEnvironment(Map<String, String> environment) {
    Builder builder = new Builder().http(HttpSettings.fromEnvironment(environment).build());
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, environment);
    env.integer("MAX_EVENT_BYTES", builder::maxEventBytes);
    env.duration("DEADLINE_MARGIN", builder::deadlineMargin);
    return builder;
  }

  public static LambdaSettings configure(Consumer<Builder> configuration) {
    Builder builder = new Builder();
    configuration.accept(builder);
    return builder.build();
  }

  /** Authentication, CORS, body limit, command timeout and mount path of HTTP events. */
  public HttpSettings http() {
    return http;
  }

  public long maxEventBytes() {
    return maxEventBytes;
  }

  public Duration deadlineMargin() {
    return deadlineMargin;
  }

  /** Builder of {@link LambdaSettings}. */
  public static final class Builder {
    private HttpSettings http = HttpSettings.builder().build();
    private long maxEventBytes = 6L * 1024 * 1024;
    private Duration deadlineMargin = Duration.ofMillis(200);

    private Builder() {
    }

    public Builder http(HttpSettings value) {
      this.http = Objects.requireNonNull(value, "http == null");
      return this;
    }

    public Builder maxEventBytes(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxEventBytes must be positive: " + value);
      }
      this.maxEventBytes = value;
      return this;
    }

    public Builder deadlineMargin(Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException("deadlineMargin must not be negative: " + value);
      }
      this.deadlineMargin = value;
      return this;
    }

    public LambdaSettings build() {
      return new LambdaSettings(this);
    }
  }
}
