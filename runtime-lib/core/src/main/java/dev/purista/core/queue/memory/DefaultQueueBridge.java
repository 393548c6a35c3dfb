package dev.purista.core.queue.memory;

import dev.purista.core.JobState;
import dev.purista.core.queue.spi.DeadLetter;
import dev.purista.core.queue.spi.Enqueued;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.queue.spi.QueueCapability;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Queues in this process's memory, for a monolith, local runs and tests: every capability, nothing kept across a
 * restart. Due jobs are leased in the order they became due; a lease that runs out makes its job due again at
 * once. Completed jobs are remembered for {@link #state} up to {@value #COMPLETED_KEPT} per queue, the oldest
 * forgotten first.
 */
public final class DefaultQueueBridge implements QueueBridge {
  static final int COMPLETED_KEPT = 10_000;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, MemoryQueue> queues = new HashMap<>();
  private long sequence;

  /** An empty set of queues. */
  public DefaultQueueBridge() {
  }

  @Override
  public String name() {
    return "in-memory-queues";
  }

  @Override
  public Set<QueueCapability> capabilities() {
    return EnumSet.allOf(QueueCapability.class);
  }

  @Override
  public Enqueued enqueue(String queueName, NewJob job) {
    lock.lock();
    try {
      MemoryQueue queue = queue(queueName);
      if (job.idempotencyKey() != null) {
        String first = queue.byIdempotencyKey.get(job.idempotencyKey());
        if (first != null) {
          return new Enqueued(first, false);
        }
      }
      Job created = new Job(UUID.randomUUID().toString(), job.payload().clone(), job.traceId(), job.otp());
      created.dueAt = job.notBefore() == null ? now() : epochMillisRoundedUp(job.notBefore());
      created.state = JobState.PENDING;
      created.sequence = sequence++;
      queue.jobs.put(created.id, created);
      queue.due.add(created);
      if (job.idempotencyKey() != null) {
        queue.byIdempotencyKey.put(job.idempotencyKey(), created.id);
      }
      changed.signalAll();
      return new Enqueued(created.id, true);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<LeasedJob> lease(String queueName, Duration visibilityTimeout, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    lock.lockInterruptibly();
    try {
      MemoryQueue queue = queue(queueName);
      while (true) {
        long now = now();
        queue.releaseExpiredLeases(now);
        Job next = queue.due.peek();
        if (next != null && next.dueAt <= now) {
          queue.due.poll();
          next.state = JobState.IN_FLIGHT;
          next.attempts++;
          next.leaseId = UUID.randomUUID().toString();
          next.leaseUntil = now + visibilityTimeout.toMillis();
          queue.leased.put(next.id, next);
          return Optional.of(new LeasedJob(queueName, next.id, next.payload.clone(), next.attempts, next.leaseId,
              next.traceId, next.otp));
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        // Wake for whatever comes first: a job due later, a lease running out, a new job (signalled), the wait.
        long untilChange = queue.millisUntilNextChange(now);
        changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(Math.max(1, untilChange))));
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean extend(LeasedJob job, Duration visibilityTimeout) {
    return withCurrentLease(job, (queue, held) -> held.leaseUntil = now() + visibilityTimeout.toMillis());
  }

  @Override
  public boolean complete(LeasedJob job) {
    return withCurrentLease(job, (queue, held) -> {
      queue.leased.remove(held.id);
      held.state = JobState.COMPLETED;
      held.leaseId = null;
      held.payload = null;
      queue.remember(held);
    });
  }

  @Override
  public boolean retry(LeasedJob job, Duration delay, String reason) {
    return withCurrentLease(job, (queue, held) -> {
      queue.leased.remove(held.id);
      held.state = JobState.FAILED;
      held.leaseId = null;
      held.reason = reason;
      held.dueAt = now() + delay.toMillis();
      held.sequence = sequence++;
      queue.due.add(held);
      changed.signalAll();
    });
  }

  @Override
  public boolean deadLetter(LeasedJob job, String reason) {
    return withCurrentLease(job, (queue, held) -> {
      queue.leased.remove(held.id);
      held.state = JobState.DEAD_LETTER;
      held.leaseId = null;
      held.reason = reason;
      queue.deadLetters.put(held.id, new DeadLetter(held.id, held.payload.clone(), held.attempts, reason,
          Instant.now()));
    });
  }

  @Override
  public Optional<JobState> state(String queueName, String jobId) {
    lock.lock();
    try {
      MemoryQueue queue = queue(queueName);
      queue.releaseExpiredLeases(now());
      Job job = queue.jobs.get(jobId);
      return job == null ? Optional.empty() : Optional.of(job.state);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<DeadLetter> deadLetters(String queueName, int limit) {
    lock.lock();
    try {
      return queue(queueName).deadLetters.values().stream().limit(limit)
          .map(dead -> new DeadLetter(dead.jobId(), dead.payload().clone(), dead.attempts(), dead.reason(),
              dead.at()))
          .toList();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int redrive(String queueName) {
    lock.lock();
    try {
      MemoryQueue queue = queue(queueName);
      int count = 0;
      for (DeadLetter dead : queue.deadLetters.values()) {
        Job job = queue.jobs.get(dead.jobId());
        job.state = JobState.PENDING;
        job.attempts = 0;
        job.reason = null;
        job.dueAt = now();
        job.sequence = sequence++;
        queue.due.add(job);
        count++;
      }
      queue.deadLetters.clear();
      changed.signalAll();
      return count;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int purgeDeadLetters(String queueName) {
    lock.lock();
    try {
      MemoryQueue queue = queue(queueName);
      int count = queue.deadLetters.size();
      queue.deadLetters.keySet().forEach(queue.jobs::remove);
      queue.deadLetters.clear();
      return count;
    } finally {
      lock.unlock();
    }
  }

  private interface LeaseChange {
    void apply(MemoryQueue queue, Job held);
  }

  private boolean withCurrentLease(LeasedJob leased, LeaseChange change) {
    lock.lock();
    try {
      MemoryQueue queue = queue(leased.queue());
      queue.releaseExpiredLeases(now());
      Job held = queue.leased.get(leased.jobId());
      if (held == null || !leased.leaseId().equals(held.leaseId)) {
        return false;
      }
      change.apply(queue, held);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private MemoryQueue queue(String name) {
    return queues.computeIfAbsent(name, ignored -> new MemoryQueue());
  }

  /** Never before the time asked for: a start time within a millisecond counts as the next millisecond. */
  private static long epochMillisRoundedUp(Instant time) {
    return time.toEpochMilli() + (time.getNano() % 1_000_000 == 0 ? 0 : 1);
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  @Override
  public OptionalLong depth(String queue) {
    lock.lock();
    try {
      MemoryQueue memory = queues.get(queue);
      return OptionalLong.of(memory == null ? 0 : memory.due.size());
    } finally {
      lock.unlock();
    }
  }

  private static final class Job {
    final String id;
    final String traceId;
    final String otp;
    byte[] payload;
    JobState state;
    int attempts;
    long dueAt;
    long sequence;
    String leaseId;
    long leaseUntil;
    String reason;

    Job(String id, byte[] payload, String traceId, String otp) {
      this.id = id;
      this.payload = payload;
      this.traceId = traceId;
      this.otp = otp;
    }
  }

  /** One queue's jobs; guarded by the bridge's lock. */
  private final class MemoryQueue {
    final Map<String, Job> jobs = new HashMap<>();
    final PriorityQueue<Job> due = new PriorityQueue<>((a, b) -> a.dueAt != b.dueAt
        ? Long.compare(a.dueAt, b.dueAt) : Long.compare(a.sequence, b.sequence));
    final Map<String, Job> leased = new LinkedHashMap<>();
    final Map<String, DeadLetter> deadLetters = new LinkedHashMap<>();
    final Map<String, String> byIdempotencyKey = new HashMap<>();
    final LinkedHashMap<String, Job> completed = new LinkedHashMap<>();

    /** A lease that ran out makes its job due at once: its worker is gone or too slow. */
    void releaseExpiredLeases(long now) {
      Iterator<Job> held = leased.values().iterator();
      while (held.hasNext()) {
        Job job = held.next();
        if (job.leaseUntil <= now) {
          held.remove();
          job.state = JobState.PENDING;
          job.leaseId = null;
          job.dueAt = now;
          job.sequence = sequence++;
          due.add(job);
        }
      }
    }

    long millisUntilNextChange(long now) {
      long next = Long.MAX_VALUE;
      Job first = due.peek();
      if (first != null) {
        next = first.dueAt - now;
      }
      for (Job job : leased.values()) {
        next = Math.min(next, job.leaseUntil - now);
      }
      return next;
    }

    void remember(Job done) {
      completed.put(done.id, done);
      if (completed.size() > COMPLETED_KEPT) {
        Iterator<Job> oldest = completed.values().iterator();
        Job forgotten = oldest.next();
        oldest.remove();
        jobs.remove(forgotten.id);
      }
    }
  }

  /** Lists the jobs of every queue by state, for logs. */
  @Override
  public String toString() {
    lock.lock();
    try {
      List<String> parts = new ArrayList<>();
      queues.forEach((name, queue) -> parts.add(name + "{due=" + queue.due.size() + ", leased=" + queue.leased.size()
          + ", dead=" + queue.deadLetters.size() + "}"));
      return "DefaultQueueBridge" + parts;
    } finally {
      lock.unlock();
    }
  }
}
