package dev.purista.nats;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@link NatsBridgeConfig} settings from environment variables, so that a deployment configures the broker
 * without code. Every variable is optional; an unparsable value fails with the variable's name, because a typo
 * silently replaced by a default is found only in production.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@code PURISTA_NATS_URL}</td><td>server URLs, comma-separated ({@code nats://} or {@code tls://})</td></tr>
 *   <tr><td>{@code PURISTA_NATS_USER}, {@code PURISTA_NATS_PASSWORD}</td><td>user and password</td></tr>
 *   <tr><td>{@code PURISTA_NATS_TOKEN}</td><td>token</td></tr>
 *   <tr><td>{@code PURISTA_NATS_CREDENTIALS}</td><td>path of a {@code .creds} file</td></tr>
 *   <tr><td>{@code PURISTA_NATS_SUBJECT_PREFIX}, {@code PURISTA_NATS_EMPTY_SUBJECT_PART}</td><td>subjects</td></tr>
 *   <tr><td>{@code PURISTA_NATS_STREAM}, {@code PURISTA_NATS_DEAD_LETTER_STREAM},
 *       {@code PURISTA_NATS_STREAM_REPLICAS}, {@code PURISTA_NATS_EVENT_MAX_AGE_MS},
 *       {@code PURISTA_NATS_DEAD_LETTER_MAX_AGE_MS}</td><td>JetStream streams</td></tr>
 *   <tr><td>{@code PURISTA_NATS_MAX_DELIVERIES}, {@code PURISTA_NATS_MAX_ACK_PENDING},
 *       {@code PURISTA_NATS_ACK_WAIT_MS},
 *       {@code PURISTA_NATS_RETRY_DELAY_MS}, {@code PURISTA_NATS_CONSUMER_INACTIVE_THRESHOLD_MS},
 *       {@code PURISTA_NATS_DURABLE_FALLBACK}</td><td>durable subscriptions</td></tr>
 *   <tr><td>{@code PURISTA_NATS_DEFAULT_COMMAND_TIMEOUT_MS}, {@code PURISTA_NATS_INSTANCE_ID},
 *       {@code PURISTA_NATS_RECONNECT_WAIT_MS}, {@code PURISTA_NATS_CONNECTION_TIMEOUT_MS},
 *       {@code PURISTA_NATS_STOP_GRACE_MS}</td><td>connection and lifecycle</td></tr>
 * </table>
 */
final class NatsEnvironment {
  static final String PREFIX = "PURISTA_NATS_";

  private final Map<String, String> environment;

  private NatsEnvironment(Map<String, String> environment) {
    this.environment = environment;
  }

  static NatsBridgeConfig.Builder read(Map<String, String> environment, NatsBridgeConfig.Builder builder) {
    NatsEnvironment env = new NatsEnvironment(environment);
    env.text("URL", value -> builder.urls(Arrays.stream(value.split(",")).map(String::trim)
        .filter(url -> !url.isEmpty()).toArray(String[]::new)));
    String user = env.value("USER");
    String password = env.value("PASSWORD");
    if (user != null || password != null) {
      if (user == null) {
        throw new IllegalArgumentException(PREFIX + "PASSWORD is set but " + PREFIX + "USER is not");
      }
      builder.userInfo(user, password);
    }
    env.text("TOKEN", builder::token);
    env.text("CREDENTIALS", value -> builder.credentialsFile(Path.of(value)));
    env.text("SUBJECT_PREFIX", builder::subjectPrefix);
    env.text("EMPTY_SUBJECT_PART", builder::emptySubjectPart);
    env.text("STREAM", builder::streamName);
    env.text("DEAD_LETTER_STREAM", builder::deadLetterStreamName);
    env.integer("STREAM_REPLICAS", builder::streamReplicas);
    env.millis("EVENT_MAX_AGE_MS", builder::eventMaxAge);
    env.millis("DEAD_LETTER_MAX_AGE_MS", builder::deadLetterMaxAge);
    env.integer("MAX_DELIVERIES", builder::maxDeliveries);
    env.integer("MAX_ACK_PENDING", builder::maxAckPending);
    env.millis("ACK_WAIT_MS", builder::ackWait);
    env.millis("RETRY_DELAY_MS", builder::retryDelay);
    env.millis("CONSUMER_INACTIVE_THRESHOLD_MS", builder::consumerInactiveThreshold);
    env.bool("DURABLE_FALLBACK", builder::durableFallback);
    env.millis("DEFAULT_COMMAND_TIMEOUT_MS", builder::defaultCommandTimeout);
    env.text("INSTANCE_ID", builder::instanceId);
    env.millis("RECONNECT_WAIT_MS", builder::reconnectWait);
    env.millis("CONNECTION_TIMEOUT_MS", builder::connectionTimeout);
    env.millis("STOP_GRACE_MS", builder::stopGrace);
    return builder;
  }

  private String value(String name) {
    String value = environment.get(PREFIX + name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private void text(String name, Consumer<String> setter) {
    String value = value(name);
    if (value != null) {
      apply(name, value, () -> setter.accept(value));
    }
  }

  private void integer(String name, java.util.function.IntConsumer setter) {
    String value = value(name);
    if (value != null) {
      apply(name, value, () -> setter.accept(Integer.parseInt(value)));
    }
  }

  private void millis(String name, Consumer<Duration> setter) {
    String value = value(name);
    if (value != null) {
      apply(name, value, () -> setter.accept(Duration.ofMillis(Long.parseLong(value))));
    }
  }

  private void bool(String name, Consumer<Boolean> setter) {
    String value = value(name);
    if (value != null) {
      String lower = value.toLowerCase(Locale.ROOT);
      if (!lower.equals("true") && !lower.equals("false")) {
        throw new IllegalArgumentException(PREFIX + name + " must be true or false: '" + value + "'");
      }
      setter.accept(Boolean.parseBoolean(lower));
    }
  }

  /** Runs a setter and names the variable when its value is refused. */
  private static void apply(String name, String value, Runnable setter) {
    try {
      setter.run();
    } catch (IllegalArgumentException e) {
      String detail = e instanceof NumberFormatException ? "not a number" : e.getMessage();
      throw new IllegalArgumentException(PREFIX + name + "='" + value + "' is invalid: " + detail, e);
    }
  }
}
