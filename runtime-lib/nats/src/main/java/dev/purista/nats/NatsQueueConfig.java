package dev.purista.nats;

import dev.purista.core.spi.support.EnvironmentSettings;
import dev.purista.core.spi.support.SettingChecks;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where {@link NatsQueueBridge} keeps its queues: the server and its credentials as for the bridge ({@link
 * NatsBridgeConfig}: {@code PURISTA_NATS_URL}, {@code PURISTA_NATS_TOKEN}, TLS, ...), a name from which the
 * streams and buckets are named ({@code PURISTA_NATS_QUEUE_NAME}, default {@code purista_queues}), and how long a
 * job's record is kept after its last change ({@code PURISTA_NATS_QUEUE_RETENTION}, default 7 days): the max age of
 * the jobs bucket, which is what removes the records of completed jobs.
 *
 * <table>
 *   <caption>What the name {@code N} makes</caption>
 *   <tr><th>what</th><th>NATS name</th></tr>
 *   <tr><td>jobs stream (work queue)</td><td>{@code N} on subjects {@code N.<queue>}</td></tr>
 *   <tr><td>dead-letter stream</td><td>{@code N_dead} on subjects {@code N_dead.<queue>}</td></tr>
 *   <tr><td>job records (key-value)</td><td>bucket {@code N_jobs}</td></tr>
 *   <tr><td>idempotency keys (key-value)</td><td>bucket {@code N_keys}</td></tr>
 * </table>
 */
public final class NatsQueueConfig {
  /** The name unless set. */
  public static final String DEFAULT_NAME = "purista_queues";
  /** How long a job's record is kept after its last change unless set. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  private final NatsBridgeConfig connection;
  private final String name;
  private final Duration retention;

  private NatsQueueConfig(NatsBridgeConfig connection, String name, Duration retention) {
    this.connection = Objects.requireNonNull(connection, "connection == null");
    this.name = checkedName(name);
    this.retention = SettingChecks.positive(retention, "retention");
  }

  /** Queues on the server of {@code connection}, under the default name. */
  public static NatsQueueConfig of(NatsBridgeConfig connection) {
    return new NatsQueueConfig(connection, DEFAULT_NAME, DEFAULT_RETENTION);
  }

  /** Settings from this process's environment. */
  public static NatsQueueConfig fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  /** Settings from the variables {@code environment} looks up; a bad value fails naming its variable. */
  public static NatsQueueConfig fromEnvironment(Function<String, String> environment) {
    EnvironmentSettings env = new EnvironmentSettings("PURISTA_NATS_", environment);
    String[] name = {DEFAULT_NAME};
    Duration[] retention = {DEFAULT_RETENTION};
    env.text("QUEUE_NAME", value -> name[0] = checkedName(value));
    env.duration("QUEUE_RETENTION", value -> retention[0] = SettingChecks.positive(value, "retention"));
    return new NatsQueueConfig(NatsBridgeConfig.fromEnvironment(environment), name[0], retention[0]);
  }

  /** The same settings under {@code name}: a separate set of streams and buckets. */
  public NatsQueueConfig withName(String name) {
    return new NatsQueueConfig(connection, name, retention);
  }

  /**
   * The same settings with job records kept {@code retention} after their last change. It applies when the jobs
   * bucket is made; an existing bucket keeps its max age.
   */
  public NatsQueueConfig withRetention(Duration retention) {
    return new NatsQueueConfig(connection, name, retention);
  }

  public Duration retention() {
    return retention;
  }

  public NatsBridgeConfig connection() {
    return connection;
  }

  public String name() {
    return name;
  }

  private static String checkedName(String value) {
    String name = SettingChecks.text(value, "name");
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("name must be letters, digits, - and _ only (it names NATS streams and "
          + "buckets): " + name);
    }
    return name;
  }
}
