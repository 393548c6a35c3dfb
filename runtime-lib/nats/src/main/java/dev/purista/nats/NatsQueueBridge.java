package dev.purista.nats;

import dev.purista.core.JobState;
import dev.purista.core.queue.spi.DeadLetter;
import dev.purista.core.queue.spi.Enqueued;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.queue.spi.QueueCapability;
import dev.purista.core.telemetry.Otp;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues on NATS JetStream, shared by every process that connects to the same server and name: every capability,
 * jobs kept on the server's file storage across restarts of the server and of the workers.
 *
 * <p>How: each job is a message on the jobs stream (work-queue retention) and a record in the jobs bucket. Workers
 * of all processes pull from the queue's one durable consumer. The record, changed only by compare-and-set on its
 * revision, decides who holds a job; the stream only delivers it. Leasing a delivered message writes a new lease
 * into the record and asks JetStream to deliver the message again when the lease ends, so a lease whose worker
 * died comes back by itself. A message that comes before its time (a delayed job, a job waiting for its retry, a
 * lease that was extended) is handed back for the rest of the wait; one whose job is finished is acknowledged and
 * gone. Idempotency keys are created once in the keys bucket, so of two racing enqueues exactly one creates the job.
 * Dead letters are messages of the dead-letter stream.
 *
 * <pre>{@code
 * QueueBridge queues = NatsQueueBridge.of(NatsQueueConfig.fromEnvironment());
 * }</pre>
 *
 * <p>A lease ends at a wall-clock time written by the process that took it and read by every other one: the
 * processes' clocks must agree (NTP) to well within the visibility timeout.
 */
public final class NatsQueueBridge implements QueueBridge {
  static final String JOB_ID = "Purista-Job-Id";
  static final String TRACE_ID = "Purista-Trace-Id";
  /** A delayed job's start time (epoch ms) also travels with its message: its record may expire before it. */
  static final String NOT_BEFORE = "Purista-Not-Before";
  /** The shortest pull: a lease that may not wait still asks the server once. */
  private static final Duration SHORTEST_FETCH = Duration.ofMillis(100);
  private static final Duration OUTAGE_RETRY_PAUSE = Duration.ofMillis(200);
  private static final Logger LOG = LoggerFactory.getLogger(NatsQueueBridge.class);

  private final NatsQueueConfig config;
  private final QueueNames names;
  private final ExecutorService maintenance;
  private final Connection connection;
  private final JetStream js;
  private final JobRecords jobs;
  private final KeyValue keys;
  private final QueueTopology topology;
  private final QueueDeadLetters deadLetters;
  private final JobAcks acks;
  private final QueueDepth depth;
  private final Map<String, QueueFetcher> fetchers = new ConcurrentHashMap<>();
  /** The delivered message of every lease this bridge holds, to answer JetStream for it at the lease's end. */
  private final Map<String, HeldMessage> held = new ConcurrentHashMap<>();
  private final String where;

  private record HeldMessage(Message message, long leaseUntil) {
  }

  private NatsQueueBridge(NatsQueueConfig config) {
    this.config = config;
    this.names = new QueueNames(config.name());
    String instanceId = "queues-" + UUID.randomUUID().toString().substring(0, 8);
    this.maintenance = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "purista-nats-" + instanceId);
      thread.setDaemon(true);
      return thread;
    });
    NatsBridgeConfig connectionConfig = config.connection();
    // Streams, consumers and buckets are on the server's file storage; nothing to declare again after a reconnect.
    ConnectionMonitor monitor = new ConnectionMonitor(instanceId, maintenance, () -> { });
    this.connection = NatsConnector.connect(NatsConnector.options(connectionConfig, instanceId, monitor),
        connectionConfig, monitor);
    this.where = "NATS queues " + config.name() + " at " + connectionConfig.urlsForLogs();
    try {
      this.topology = new QueueTopology(connection, names, config.retention());
      topology.declare();
      this.js = connection.jetStream();
      this.jobs = new JobRecords(connection.keyValue(names.jobsBucket()));
      this.keys = connection.keyValue(names.keysBucket());
      this.deadLetters = new QueueDeadLetters(js, connection.jetStreamManagement(), names);
      this.depth = new QueueDepth(connection.jetStreamManagement(), names);
    } catch (IOException | JetStreamApiException e) {
      close();
      throw new IllegalStateException("cannot open the " + where + " (does the server have JetStream?): "
          + e.getMessage(), e);
    }
    this.acks = new JobAcks(connection);
  }

  /** Connects to the server of {@code config} and makes its streams and buckets when they are not there. */
  public static NatsQueueBridge of(NatsQueueConfig config) {
    return new NatsQueueBridge(config);
  }

  @Override
  public String name() {
    return "nats-queues " + config.name();
  }

  @Override
  public Set<QueueCapability> capabilities() {
    return EnumSet.allOf(QueueCapability.class);
  }

  @Override
  public boolean isHealthy() {
    return connection.getStatus() == Connection.Status.CONNECTED;
  }

  @Override
  public Enqueued enqueue(String queue, NewJob job) {
    String jobId = UUID.randomUUID().toString();
    long dueAt = job.notBefore() == null ? 0 : epochMillisRoundedUp(job.notBefore());
    return call(() -> {
      if (job.idempotencyKey() == null) {
        jobs.create(names.jobKey(queue, jobId), JobRecord.pending(dueAt, job.traceId(), true));
        publish(queue, jobId, job.traceId(), job.otp(), dueAt, job.payload());
        return new Enqueued(jobId, true);
      }
      String key = names.idempotencyKey(queue, job.idempotencyKey());
      boolean created = KvCas.compareAndSet(keys, key, jobId.getBytes(StandardCharsets.UTF_8), 0);
      String id = created ? jobId : new String(KvCas.live(keys, key).getValue(), StandardCharsets.UTF_8);
      if (created) {
        jobs.create(names.jobKey(queue, id), JobRecord.pending(dueAt, job.traceId(), false));
      }
      publishUnlessPublished(queue, id, job, dueAt);
      return new Enqueued(id, created);
    });
  }

  /**
   * Puts the message of a job with an idempotency key on the stream unless its record says it is there. A repeated
   * enqueue whose first died between claiming the key and publishing (or is still between them) finishes the job;
   * both publish under the job id as message id, which JetStream takes once.
   */
  private void publishUnlessPublished(String queue, String jobId, NewJob job, long dueAt)
      throws IOException, JetStreamApiException {
    String key = names.jobKey(queue, jobId);
    JobRecords.Versioned read = jobs.read(key);
    if (read != null && read.record() != null && read.record().published()) {
      return;
    }
    if (read == null) {
      jobs.create(key, JobRecord.pending(dueAt, job.traceId(), false));
      read = jobs.read(key);
    }
    publish(queue, jobId, job.traceId(), job.otp(), dueAt, job.payload());
    if (read != null && read.record() != null && !read.record().published()) {
      // A lost race means someone else marked it, or a worker already leased it: published either way.
      jobs.replace(key, read.record().publishedNow(), read.revision());
    }
  }

  private void publish(String queue, String jobId, String traceId, String otp, long dueAt, byte[] payload)
      throws IOException, JetStreamApiException {
    js.publish(names.jobSubject(queue), headers(jobId, traceId, otp, dueAt), payload,
        PublishOptions.builder().messageId(jobId).build());
  }

  /**
   * A job message's headers. The span context it was enqueued in goes into the W3C headers {@code traceparent}
   * and {@code tracestate}, the names the event bridge's NATS messages use too.
   */
  private static Headers headers(String jobId, String traceId, String otp, long dueAt) {
    Headers headers = new Headers().put(JOB_ID, jobId);
    if (traceId != null) {
      headers.put(TRACE_ID, traceId);
    }
    String traceparent = otp == null ? null : Otp.traceparent(otp);
    if (traceparent != null) {
      headers.put(Otp.TRACEPARENT, traceparent);
      String tracestate = Otp.tracestate(otp);
      if (tracestate != null && !tracestate.isEmpty()) {
        headers.put(Otp.TRACESTATE, tracestate);
      }
    }
    if (dueAt != 0) {
      headers.put(NOT_BEFORE, Long.toString(dueAt));
    }
    return headers;
  }

  @Override
  public Optional<LeasedJob> lease(String queue, Duration visibilityTimeout, Duration wait)
      throws InterruptedException {
    QueueFetcher fetcher = fetcher(queue);
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Duration pull = Duration.ofNanos(Math.max(SHORTEST_FETCH.toNanos(), deadline - System.nanoTime()));
      for (Message message : fetcher.fetch(pull)) {
        Optional<LeasedJob> leased = offer(queue, message, visibilityTimeout);
        if (leased.isPresent()) {
          return leased;
        }
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while leasing from queue " + queue);
      }
      if (System.nanoTime() >= deadline) {
        return Optional.empty();
      }
    }
  }

  /** The {@code otp} of a job message's W3C headers; {@code null} for a message without them (older jobs). */
  private static String otp(Headers headers) {
    String traceparent = headers == null ? null : headers.getFirst(Otp.TRACEPARENT);
    return traceparent == null ? null : Otp.format(traceparent, headers.getFirst(Otp.TRACESTATE));
  }

  /** Leases the job of a delivered message if it may run now; otherwise answers JetStream for it. */
  private Optional<LeasedJob> offer(String queue, Message message, Duration visibilityTimeout) {
    String jobId = message.getHeaders() == null ? null : message.getHeaders().getFirst(JOB_ID);
    String traceId = message.getHeaders() == null ? null : message.getHeaders().getFirst(TRACE_ID);
    String otp = otp(message.getHeaders());
    long notBefore = notBefore(message);
    if (jobId == null || jobId.isBlank()) {
      // Put on the subject by something else than a queue bridge: it becomes a job, named after its place in the
      // stream, and the worker decides whether its payload is a job.
      jobId = "raw-" + message.metaData().streamSequence() + "-" + message.metaData().timestamp().toInstant()
          .toEpochMilli();
    }
    String key = names.jobKey(queue, jobId);
    String id = jobId;
    return call(() -> {
      while (true) {
        JobRecords.Versioned read = jobs.read(key);
        long revision = read == null ? 0 : read.revision();
        JobRecord record = read == null ? null : read.record();
        if (record == null) {
          // A job not seen before (put on the subject by something else), one whose record expired (it waited
          // longer than the retention) or whose record is not one: it starts counting its attempts again.
          record = JobRecord.pending(notBefore, traceId, true);
        }
        long now = System.currentTimeMillis();
        long wait = record.millisUntilLeasable(now);
        if (wait == Long.MAX_VALUE) {
          acks.ack(message);
          return Optional.empty();
        }
        if (wait > 0) {
          acks.redeliverAfter(message, wait);
          return Optional.empty();
        }
        JobRecord leased = record.leased(now + visibilityTimeout.toMillis());
        if (jobs.replace(key, leased, revision)) {
          acks.redeliverAfter(message, visibilityTimeout.toMillis());
          forgetEndedLeases(now);
          held.put(leased.leaseId(), new HeldMessage(message, leased.leaseUntil()));
          return Optional.of(new LeasedJob(queue, id, message.getData(), leased.attempts(), leased.leaseId(),
              leased.traceId(), otp));
        }
        // Another process changed the record since we read it: read again.
      }
    });
  }

  private static long notBefore(Message message) {
    String value = message.getHeaders() == null ? null : message.getHeaders().getFirst(NOT_BEFORE);
    if (value == null) {
      return 0;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      // Not ours, or damaged: the job is due; its worker decides what its payload is worth.
      return 0;
    }
  }

  @Override
  public boolean extend(LeasedJob job, Duration visibilityTimeout) {
    long until = System.currentTimeMillis() + visibilityTimeout.toMillis();
    boolean current;
    try {
      current = changeLease(job, record -> record.extended(until));
    } catch (IllegalStateException unavailable) {
      // A heartbeat that fails during an outage is not fatal: the next one tries again while the lease lasts.
      LOG.warn("{}: cannot extend the lease of job {}: {}", where, job.jobId(), unavailable.getMessage());
      return false;
    }
    HeldMessage message = held.get(job.leaseId());
    if (current && message != null) {
      held.put(job.leaseId(), new HeldMessage(message.message(), until));
      acks.redeliverAfter(message.message(), visibilityTimeout.toMillis());
    }
    return current;
  }

  @Override
  public boolean complete(LeasedJob job) {
    boolean current = whileLeaseLasts(job, () -> changeLease(job, JobRecord::completed));
    HeldMessage message = held.remove(job.leaseId());
    if (current && message != null) {
      acks.ack(message.message());
    }
    return current;
  }

  @Override
  public boolean retry(LeasedJob job, Duration delay, String reason) {
    long dueAt = System.currentTimeMillis() + delay.toMillis();
    boolean current = whileLeaseLasts(job, () -> changeLease(job, record -> record.failed(dueAt, reason)));
    HeldMessage message = held.remove(job.leaseId());
    if (current && message != null) {
      acks.redeliverAfter(message.message(), delay.toMillis());
    }
    return current;
  }

  @Override
  public boolean deadLetter(LeasedJob job, String reason) {
    return whileLeaseLasts(job, () -> call(() -> {
      // The dead letter is written first, so that a job is never dead without one; a lease that turns out not to
      // be current takes its dead letter back.
      long sequence = deadLetters.add(job.queue(), new DeadLetter(job.jobId(), job.payload(), job.attempt(), reason,
          Instant.now()), job.traceId(), job.otp());
      boolean current = changeLease(job, record -> record.deadLettered(reason));
      HeldMessage message = held.remove(job.leaseId());
      if (!current) {
        deadLetters.delete(sequence);
      } else if (message != null) {
        acks.ack(message.message());
      }
      return current;
    }));
  }

  /**
   * Runs a call that ends a lease, again and again while the server does not answer (the client reconnects by
   * itself) until the lease ends: a worker that finished its job during a short outage still completes it, and one
   * whose lease ran out meanwhile learns that it is no longer the job's.
   */
  private boolean whileLeaseLasts(LeasedJob job, BooleanSupplier end) {
    HeldMessage message = held.get(job.leaseId());
    long leaseUntil = message == null ? 0 : message.leaseUntil();
    while (true) {
      try {
        return end.getAsBoolean();
      } catch (IllegalStateException unavailable) {
        if (System.currentTimeMillis() >= leaseUntil) {
          if (message == null) {
            throw unavailable;
          }
          LOG.warn("{}: the lease of job {} ended while the server did not answer: {}", where, job.jobId(),
              unavailable.getMessage());
          held.remove(job.leaseId());
          return false;
        }
        try {
          Thread.sleep(OUTAGE_RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw unavailable;
        }
      }
    }
  }

  /** Applies {@code change} to the job's record if {@code job} still holds the current lease. */
  private boolean changeLease(LeasedJob job, UnaryOperator<JobRecord> change) {
    String key = names.jobKey(job.queue(), job.jobId());
    return call(() -> {
      while (true) {
        JobRecords.Versioned read = jobs.read(key);
        if (read == null || read.record() == null || !read.record().heldBy(job.leaseId(), System.currentTimeMillis())) {
          return false;
        }
        if (jobs.replace(key, change.apply(read.record()), read.revision())) {
          return true;
        }
      }
    });
  }

  @Override
  public Optional<JobState> state(String queue, String jobId) {
    JobRecords.Versioned read = call(() -> jobs.read(names.jobKey(queue, jobId)));
    if (read == null) {
      return Optional.empty();
    }
    JobRecord record = read.record();
    if (record == null) {
      throw new IllegalStateException("the record of job " + jobId + " of queue " + queue + " in the " + where
          + " is not a job record (written by something else); it is replaced when the job's message comes");
    }
    boolean leaseRanOut = record.state() == JobState.IN_FLIGHT
        && record.leaseUntil() <= System.currentTimeMillis();
    return Optional.of(leaseRanOut ? JobState.PENDING : record.state());
  }

  /**
   * The jobs of {@code queue} in the job stream: waiting (due or delayed) and, unlike the in-memory and Redis
   * bridges, running too, since JetStream keeps a leased job's message until its job ends. Empty when the server
   * cannot be reached.
   */
  @Override
  public OptionalLong depth(String queue) {
    return depth.of(queue);
  }

  @Override
  public List<DeadLetter> deadLetters(String queue, int limit) {
    return call(() -> deadLetters.list(queue, limit).stream().map(QueueDeadLetters.Stored::letter).toList());
  }

  @Override
  public int redrive(String queue) {
    return call(() -> {
      int count = 0;
      for (QueueDeadLetters.Stored stored : deadLetters.list(queue, Integer.MAX_VALUE)) {
        String jobId = stored.letter().jobId();
        if (redriveRecord(names.jobKey(queue, jobId), stored.traceId())) {
          // No message id: the job's first one may still be in the stream's duplicate window.
          js.publish(names.jobSubject(queue), headers(jobId, stored.traceId(), stored.otp(), 0),
              stored.letter().payload());
          count++;
        }
        deadLetters.delete(stored.sequence());
      }
      return count;
    });
  }

  /**
   * Puts a dead job back to pending; false when it is not dead (another process redrove it first). A dead letter
   * older than the retention has no record any more: it gets a new one.
   */
  private boolean redriveRecord(String key, String traceId) throws IOException, JetStreamApiException {
    while (true) {
      JobRecords.Versioned read = jobs.read(key);
      if (read == null || read.record() == null) {
        if (jobs.replace(key, JobRecord.pending(0, traceId, true), read == null ? 0 : read.revision())) {
          return true;
        }
        continue;
      }
      if (read.record().state() != JobState.DEAD_LETTER) {
        return false;
      }
      if (jobs.replace(key, read.record().redriven(), read.revision())) {
        return true;
      }
    }
  }

  @Override
  public int purgeDeadLetters(String queue) {
    return call(() -> {
      int count = 0;
      for (QueueDeadLetters.Stored stored : deadLetters.list(queue, Integer.MAX_VALUE)) {
        String key = names.jobKey(queue, stored.letter().jobId());
        JobRecords.Versioned read = jobs.read(key);
        if (read != null && read.record() != null && read.record().state() == JobState.DEAD_LETTER) {
          jobs.delete(key, read.revision());
        }
        deadLetters.delete(stored.sequence());
        count++;
      }
      return count;
    });
  }

  private QueueFetcher fetcher(String queue) {
    QueueFetcher fetcher = fetchers.get(queue);
    if (fetcher != null) {
      return fetcher;
    }
    call(() -> {
      topology.consumer(queue);
      return null;
    });
    return fetchers.computeIfAbsent(queue, ignored -> new QueueFetcher(js, names, queue, where));
  }

  /** Leases that ended without an answer from this process (its worker gave up on them) need no message kept. */
  private void forgetEndedLeases(long now) {
    if (held.size() > 64) {
      held.values().removeIf(message -> message.leaseUntil() <= now);
    }
  }

  private interface NatsCall<T> {
    T run() throws IOException, JetStreamApiException;
  }

  private <T> T call(NatsCall<T> call) {
    try {
      return call.run();
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException("the " + where + " did not answer: " + e.getMessage(), e);
    }
  }

  /** Never before the time asked for: a start time within a millisecond counts as the next millisecond. */
  private static long epochMillisRoundedUp(Instant time) {
    return time.toEpochMilli() + (time.getNano() % 1_000_000 == 0 ? 0 : 1);
  }

  @Override
  public void close() {
    fetchers.values().forEach(QueueFetcher::close);
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      maintenance.shutdown();
    }
  }

  @Override
  public String toString() {
    return "NatsQueueBridge[" + where + "]";
  }
}
