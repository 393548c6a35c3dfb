package dev.purista.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.core.JobState;
import java.io.IOException;
import java.util.UUID;

/**
 * A job's state as kept in the jobs bucket, one small JSON value per job, changed only by compare-and-set on the
 * key's revision. This record, not the stream, decides who holds a job: {@code leaseId} names the current lease and
 * {@code leaseUntil} (epoch milliseconds) its end; {@code dueAt} is the earliest time a pending or failed job may
 * be leased; {@code published} is false from the moment an enqueue with an idempotency key wrote the record until
 * its message is on the stream, so that a repeated enqueue can finish the job of one that died in between. The
 * payload lives in the stream's message, not here.
 */
record JobRecord(JobState state, int attempts, String leaseId, long leaseUntil, long dueAt, String reason,
    String traceId, boolean published) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static JobRecord pending(long dueAt, String traceId, boolean published) {
    return new JobRecord(JobState.PENDING, 0, null, 0, dueAt, null, traceId, published);
  }

  JobRecord publishedNow() {
    return new JobRecord(state, attempts, leaseId, leaseUntil, dueAt, reason, traceId, true);
  }

  /** Whether {@code leaseId} is this job's lease and has not run out at {@code now}. */
  boolean heldBy(String leaseId, long now) {
    return state == JobState.IN_FLIGHT && leaseId.equals(this.leaseId) && leaseUntil > now;
  }

  /** Whether a worker may lease the job at {@code now}; the time until it may, in milliseconds, if not. */
  long millisUntilLeasable(long now) {
    return switch (state) {
      case IN_FLIGHT -> leaseUntil - now;
      case PENDING, FAILED -> dueAt - now;
      default -> Long.MAX_VALUE;
    };
  }

  JobRecord leased(long until) {
    return new JobRecord(JobState.IN_FLIGHT, attempts + 1, UUID.randomUUID().toString(), until, 0, null, traceId, true);
  }

  JobRecord extended(long until) {
    return new JobRecord(state, attempts, leaseId, until, dueAt, reason, traceId, true);
  }

  JobRecord completed() {
    return new JobRecord(JobState.COMPLETED, attempts, null, 0, 0, null, traceId, true);
  }

  JobRecord failed(long dueAt, String reason) {
    return new JobRecord(JobState.FAILED, attempts, null, 0, dueAt, reason, traceId, true);
  }

  JobRecord deadLettered(String reason) {
    return new JobRecord(JobState.DEAD_LETTER, attempts, null, 0, 0, reason, traceId, true);
  }

  JobRecord redriven() {
    return new JobRecord(JobState.PENDING, 0, null, 0, 0, null, traceId, true);
  }

  byte[] toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("state", state.wireName());
    node.put("attempts", attempts);
    if (leaseId != null) {
      node.put("leaseId", leaseId);
      node.put("leaseUntil", leaseUntil);
    }
    if (dueAt != 0) {
      node.put("dueAt", dueAt);
    }
    if (reason != null) {
      node.put("reason", reason);
    }
    if (traceId != null) {
      node.put("traceId", traceId);
    }
    if (!published) {
      node.put("published", false);
    }
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a job record", e);
    }
  }

  /** Reads a record; one that is not this shape fails with the reason. */
  static JobRecord fromJson(byte[] json) {
    try {
      JsonNode node = JSON.readTree(json);
      String wire = node.path("state").asText();
      JobState state = null;
      for (JobState candidate : JobState.values()) {
        if (candidate.wireName().equals(wire)) {
          state = candidate;
        }
      }
      if (state == null) {
        throw new IllegalArgumentException("unknown job state '" + wire + "'");
      }
      return new JobRecord(state, node.path("attempts").asInt(), text(node, "leaseId"),
          node.path("leaseUntil").asLong(), node.path("dueAt").asLong(), text(node, "reason"), text(node, "traceId"),
          node.path("published").asBoolean(true));
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
