package dev.purista.redis;

import dev.purista.core.JobState;
import dev.purista.core.queue.spi.DeadLetter;
import dev.purista.core.queue.spi.Enqueued;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.queue.spi.QueueCapability;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Queues in Redis, shared by every process that uses the same server and key prefix; every capability. Each
 * operation is one Lua script, atomic on the server, and every time in it (due times, lease ends) is the Redis
 * server's clock: a process's own clock cannot make a lease run out early for the others. A queue {@code q} keeps
 * under {@code <keyPrefix>queue:q:}:
 *
 * <table>
 *   <caption>Keys of a queue</caption>
 *   <tr><th>key</th><th>type</th><th>holds</th></tr>
 *   <tr><td>{@code due}</td><td>ZSET</td><td>ids of jobs waiting to be leased, scored by their due time (ms)</td></tr>
 *   <tr><td>{@code leased}</td><td>ZSET</td><td>ids of leased jobs, scored by the end of their lease (ms)</td></tr>
 *   <tr><td>{@code dead}</td><td>ZSET</td><td>ids of dead letters, scored by when they were given up on</td></tr>
 *   <tr><td>{@code idempotency}</td><td>HASH</td><td>idempotency key to job id, written with the job</td></tr>
 *   <tr><td>{@code job:<id>}</td><td>HASH</td><td>{@code payload} (JSON), {@code state}, {@code attempts},
 *       {@code leaseId}, {@code traceId}, {@code otp}, {@code reason}; a completed job's hash loses its payload
 *       and expires after the completed retention</td></tr>
 * </table>
 *
 * <p>Job ids start with the enqueue time in hex, so jobs due in the same millisecond are leased in the order they
 * were enqueued. A lease call whose answer is lost to a broken connection is not repeated (it may have leased a
 * job): that job is leased again when its lease runs out. Enqueue, complete, retry and dead-letter are repeated
 * once on a fresh connection and recognise their own first try, so a restart of Redis neither duplicates nor loses
 * a job.
 *
 * <pre>{@code
 * QueueBridge queues = RedisQueueBridge.configure(c -> c.url("redis://cache:6379"));
 * }</pre>
 */
public final class RedisQueueBridge implements QueueBridge {
  /** How long a completed job's state is kept for {@link #state}, unless set otherwise. */
  public static final Duration DEFAULT_COMPLETED_RETENTION = Duration.ofHours(24);
  /** The longest sleep between two lease tries while waiting for a job. */
  static final long POLL_MILLIS = 50;

  private static final byte[] ZERO = bytes("0");
  private static final byte[] ONE = bytes("1");

  private final RedisConnection redis;
  private final String keyPrefix;
  private final Duration completedRetention;
  private final String node = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
  private final AtomicInteger sequence = new AtomicInteger();

  private RedisQueueBridge(RedisStoreConfig config, Duration completedRetention) {
    if (completedRetention.toSeconds() < 1) {
      throw new IllegalArgumentException("completedRetention must be at least a second, not " + completedRetention);
    }
    this.redis = new RedisConnection(config);
    this.keyPrefix = config.keyPrefix() + "queue:";
    this.completedRetention = completedRetention;
  }

  /** A bridge with the settings of {@code config}, keeping completed jobs for a day. */
  public static RedisQueueBridge of(RedisStoreConfig config) {
    return new RedisQueueBridge(config, DEFAULT_COMPLETED_RETENTION);
  }

  /** A bridge with the settings of {@code config}, keeping completed jobs' states for {@code completedRetention}. */
  public static RedisQueueBridge of(RedisStoreConfig config, Duration completedRetention) {
    return new RedisQueueBridge(config, Objects.requireNonNull(completedRetention, "completedRetention == null"));
  }

  /** A bridge with the defaults changed by {@code settings}. */
  public static RedisQueueBridge configure(Consumer<RedisStoreConfig.Builder> settings) {
    RedisStoreConfig.Builder builder = RedisStoreConfig.builder();
    settings.accept(builder);
    return of(builder.build());
  }

  /** A bridge with the settings of this process's environment ({@link RedisStoreConfig#fromEnvironment()}). */
  public static RedisQueueBridge fromEnvironment() {
    return of(RedisStoreConfig.fromEnvironment());
  }

  @Override
  public String name() {
    return "redis-queues " + redis.displayUrl();
  }

  @Override
  public Set<QueueCapability> capabilities() {
    return EnumSet.allOf(QueueCapability.class);
  }

  @Override
  public boolean isHealthy() {
    return redis.ping();
  }

  @Override
  public Enqueued enqueue(String queue, NewJob job) {
    long delay = 0;
    if (job.notBefore() != null) {
      // A start time becomes a delay from now, which the server adds to its own clock; rounded up, never early.
      long nanos = Duration.between(Instant.now(), job.notBefore()).toNanos();
      delay = Math.max(0, (nanos + 999_999) / 1_000_000);
    }
    // The id is made here, so that a repeated enqueue (the connection broke) finds the job its first try created.
    String id = String.format("%012x-%06x-%s", System.currentTimeMillis(), sequence.getAndIncrement() & 0xFFFFFF,
        node);
    List<byte[]> args = List.of(jobPrefix(queue), bytes(id), job.payload(), bytes(Long.toString(delay)),
        bytes(orEmpty(job.idempotencyKey())), bytes(orEmpty(job.traceId())), bytes(orEmpty(job.otp())));
    List<?> answer = (List<?>) redis.idempotent(client -> QueueScripts.ENQUEUE.run(client, keys(queue), args));
    return new Enqueued(text(answer.get(0)), ((Long) answer.get(1)) == 1L);
  }

  @Override
  public Optional<LeasedJob> lease(String queue, Duration visibilityTimeout, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    List<byte[]> keys = keys(queue);
    byte[] visibility = millis(visibilityTimeout);
    while (true) {
      String leaseId = UUID.randomUUID().toString();
      List<byte[]> args = List.of(jobPrefix(queue), visibility, bytes(leaseId));
      List<?> answer = (List<?>) redis.once(client -> QueueScripts.LEASE.run(client, keys, args));
      if (((Long) answer.get(0)) == 1L) {
        return Optional.of(new LeasedJob(queue, text(answer.get(1)), (byte[]) answer.get(2),
            Math.toIntExact((Long) answer.get(3)), leaseId, emptyToNull(text(answer.get(4))),
            emptyToNull(text(answer.get(5)))));
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return Optional.empty();
      }
      // Polling rather than blocking on a wake-up list: no pooled connection is held while waiting, so the pool
      // serves the calls that finish jobs, and nothing is left blocked on a connection when Redis restarts. A
      // worker waits at most POLL_MILLIS longer than needed for a new job; a known due time or lease end is met.
      long untilChange = (Long) answer.get(1);
      long sleep = Math.min(left, untilChange < 0 ? POLL_MILLIS : Math.max(1, Math.min(untilChange, POLL_MILLIS)));
      Thread.sleep(sleep);
    }
  }

  @Override
  public boolean extend(LeasedJob job, Duration visibilityTimeout) {
    List<byte[]> args = List.of(jobPrefix(job.queue()), bytes(job.jobId()), bytes(job.leaseId()),
        millis(visibilityTimeout));
    return isOne(redis.idempotent(client -> QueueScripts.EXTEND.run(client, keys(job.queue()), args)));
  }

  @Override
  public boolean complete(LeasedJob job) {
    byte[] retention = bytes(Long.toString(completedRetention.toSeconds()));
    return finish(QueueScripts.COMPLETE, job, retention);
  }

  @Override
  public boolean retry(LeasedJob job, Duration delay, String reason) {
    return finish(QueueScripts.RETRY, job, millis(delay), bytes(orEmpty(reason)));
  }

  @Override
  public boolean deadLetter(LeasedJob job, String reason) {
    return finish(QueueScripts.DEAD_LETTER, job, bytes(orEmpty(reason)));
  }

  private boolean finish(LuaScript script, LeasedJob job, byte[]... extra) {
    return isOne(redis.repeatable((client, repeated) -> {
      List<byte[]> args = new ArrayList<>();
      args.add(jobPrefix(job.queue()));
      args.add(bytes(job.jobId()));
      args.add(bytes(job.leaseId()));
      args.addAll(Arrays.asList(extra));
      args.add(repeated ? ONE : ZERO);
      return script.run(client, keys(job.queue()), args);
    }));
  }

  @Override
  public Optional<JobState> state(String queue, String jobId) {
    List<byte[]> args = List.of(jobPrefix(queue), bytes(jobId));
    Object answer = redis.idempotent(client -> QueueScripts.STATE.run(client, keys(queue), args));
    if (answer == null) {
      return Optional.empty();
    }
    String wireName = text(answer);
    for (JobState state : JobState.values()) {
      if (state.wireName().equals(wireName)) {
        return Optional.of(state);
      }
    }
    throw new IllegalStateException("job " + jobId + " of queue " + queue + " has the state '" + wireName
        + "' in Redis, which is none of pending, inFlight, completed, failed, deadLetter");
  }

  @Override
  public List<DeadLetter> deadLetters(String queue, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    List<byte[]> args = List.of(jobPrefix(queue), bytes(Integer.toString(limit)));
    List<?> flat = (List<?>) redis.idempotent(client -> QueueScripts.DEAD_LETTERS.run(client, keys(queue), args));
    List<DeadLetter> dead = new ArrayList<>(flat.size() / 5);
    for (int i = 0; i < flat.size(); i += 5) {
      dead.add(new DeadLetter(text(flat.get(i)), (byte[]) flat.get(i + 1), Math.toIntExact((Long) flat.get(i + 2)),
          text(flat.get(i + 3)), Instant.ofEpochMilli((Long) flat.get(i + 4))));
    }
    return dead;
  }

  @Override
  public int redrive(String queue) {
    List<byte[]> args = List.of(jobPrefix(queue));
    return Math.toIntExact((Long) redis.once(client -> QueueScripts.REDRIVE.run(client, keys(queue), args)));
  }

  @Override
  public int purgeDeadLetters(String queue) {
    List<byte[]> args = List.of(jobPrefix(queue));
    return Math.toIntExact((Long) redis.once(client -> QueueScripts.PURGE.run(client, keys(queue), args)));
  }

  /** The jobs in the queue's {@code due} set: pending ones, due now or later. Empty when Redis cannot be reached. */
  @Override
  public OptionalLong depth(String queue) {
    try {
      return OptionalLong.of(redis.idempotent(client -> client.zcard(keys(queue).get(0))));
    } catch (RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public void close() {
    redis.close();
  }

  /** The keys every script gets, in the order {@link QueueScripts} documents. */
  private List<byte[]> keys(String queue) {
    String base = keyPrefix + queue + ":";
    return List.of(bytes(base + "due"), bytes(base + "leased"), bytes(base + "dead"), bytes(base + "idempotency"));
  }

  private byte[] jobPrefix(String queue) {
    return bytes(keyPrefix + queue + ":job:");
  }

  private static boolean isOne(Object answer) {
    return Long.valueOf(1L).equals(answer);
  }

  private static byte[] millis(Duration duration) {
    return bytes(Long.toString(Math.max(0, duration.toMillis())));
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }

  private static String text(Object bulk) {
    return bulk == null ? "" : new String((byte[]) bulk, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
