package dev.purista.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.JobState;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.NewJob;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * What makes a call safe to send again after its connection broke, checked on the scripts themselves (a broken
 * connection between the server's work and its answer cannot be timed from a test): an enqueue repeated with its
 * job id creates nothing more, a finishing call marked as a repeat recognises its own first try, an unmarked one
 * does not. And how long a completed job is remembered.
 */
class RedisQueueRepeatsTest {
  private final String prefix = "purista-test:" + Long.toHexString(System.nanoTime()) + ":";
  private final String base = prefix + "queue:q:";

  @AfterEach
  void deleteKeys() {
    RedisTestServer.deleteAll(prefix);
  }

  private List<byte[]> keys() {
    return List.of(bytes(base + "due"), bytes(base + "leased"), bytes(base + "dead"), bytes(base + "idempotency"));
  }

  @Test
  void aRepeatedEnqueueOrFinishIsRecognisedAndAFreshSecondCallIsNot() throws Exception {
    try (RedisClient raw = RedisClient.create(URI.create(RedisTestServer.url()));
        RedisQueueBridge bridge = RedisQueueBridge.of(RedisTestServer.config(prefix))) {
      List<byte[]> enqueue = List.of(bytes(base + "job:"), bytes("job-1"), bytes("\"x\""), bytes("0"), bytes("k"),
          bytes(""));
      List<?> first = (List<?>) QueueScripts.ENQUEUE.run(raw, keys(), enqueue);
      List<?> repeated = (List<?>) QueueScripts.ENQUEUE.run(raw, keys(), enqueue);
      assertEquals(List.of("job-1", 1L), List.of(text(first.get(0)), first.get(1)));
      assertEquals(List.of("job-1", 1L), List.of(text(repeated.get(0)), repeated.get(1)), "its own first try");
      assertEquals(1, raw.zcard(base + "due"), "one job");

      LeasedJob leased = bridge.lease("q", Duration.ofSeconds(30), Duration.ofSeconds(5)).orElseThrow();
      assertTrue(bridge.complete(leased));
      List<byte[]> again = List.of(bytes(base + "job:"), bytes("job-1"), bytes(leased.leaseId()), bytes("60"));
      assertEquals(1L, QueueScripts.COMPLETE.run(raw, keys(), append(again, "1")), "a repeat of the completion");
      assertEquals(0L, QueueScripts.COMPLETE.run(raw, keys(), append(again, "0")), "a second completion");
      assertFalse(bridge.complete(leased));
    }
  }

  @Test
  void aCompletedJobLosesItsPayloadAndIsForgottenAfterTheRetention() throws Exception {
    try (RedisClient raw = RedisClient.create(URI.create(RedisTestServer.url()));
        RedisQueueBridge bridge = RedisQueueBridge.of(RedisTestServer.config(prefix), Duration.ofSeconds(2))) {
      String id = bridge.enqueue("q", new NewJob(bytes("\"x\""), null, null, null)).jobId();
      assertTrue(bridge.complete(bridge.lease("q", Duration.ofSeconds(30), Duration.ofSeconds(5)).orElseThrow()));

      long ttl = raw.ttl(base + "job:" + id);
      assertTrue(ttl > 0 && ttl <= 2, "expires in the retention, not " + ttl);
      assertFalse(raw.hexists(base + "job:" + id, "payload"));
      assertEquals(Optional.of(JobState.COMPLETED), bridge.state("q", id));
      Thread.sleep(3_000);
      assertEquals(Optional.empty(), bridge.state("q", id), "forgotten");
    }
  }

  private static List<byte[]> append(List<byte[]> args, String last) {
    List<byte[]> all = new ArrayList<>(args);
    all.add(bytes(last));
    return all;
  }

  private static String text(Object bulk) {
    return new String((byte[]) bulk, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
