package dev.purista.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.JobState;
import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.queue.spi.DeadLetter;
import dev.purista.core.queue.spi.NewJob;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Jobs written straight into Redis by something else, badly: a payload that is not JSON, one that does not bind,
 * a job hash without a payload, no job hash at all, a key of the wrong type, and odd attempts. Each bad one ends
 * among the dead letters with its reason; the worker goes on with the good jobs.
 */
class RedisQueueBadDataTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  record Mail(String to, int priority) {
  }

  @Test
  void malformedJobsWrittenStraightIntoRedisAreDeadLetteredWithTheirReasonAndTheWorkerGoesOn() throws Exception {
    String prefix = "purista-test:" + Long.toHexString(System.nanoTime()) + ":";
    String queue = "mails";
    String base = prefix + "queue:" + queue + ":";
    List<String> sent = new CopyOnWriteArrayList<>();
    RedisQueueBridge bridge = RedisQueueBridge.of(RedisTestServer.config(prefix));
    ServiceDefinition mailer = ServiceDefinition.builder("mailer", "1")
        .queueWorker(QueueWorkerDefinition.builder("send", QueueDefinition.builder(queue, Mail.class).build())
            .handler((ctx, mail) -> sent.add(mail.to())).build())
        .build();
    Application app = Application.builder(new DefaultEventBridge()).queueBridge(bridge).service(mailer).build()
        .start();
    try (RedisClient raw = RedisClient.create(URI.create(RedisTestServer.url()))) {
      raw.hset(base + "job:not-json", Map.of("payload", "{not json", "state", "pending", "attempts", "0"));
      raw.hset(base + "job:wrong-shape", Map.of("payload", "{\"to\":\"b\",\"priority\":\"high\"}"));
      raw.hset(base + "job:no-payload", Map.of("state", "pending", "attempts", "0"));
      raw.set(base + "job:a-string", "{\"to\":\"c\",\"priority\":1}");
      raw.hset(base + "job:odd-attempts", Map.of("payload", "{\"to\":\"d\",\"priority\":1}", "attempts", "many",
          "state", "??"));
      raw.hset(base + "job:huge-attempts", Map.of("payload", "{\"to\":\"f\",\"priority\":1}", "attempts", "1e300"));
      for (String id : List.of("not-json", "wrong-shape", "no-payload", "no-hash", "a-string", "odd-attempts",
          "huge-attempts")) {
        raw.zadd(base + "due", 0, id);
      }
      String good = bridge.enqueue(queue, new NewJob("{\"to\":\"e\",\"priority\":2}".getBytes(StandardCharsets.UTF_8),
          null, null, null)).jobId();

      await(() -> bridge.state(queue, good).orElse(null) == JobState.COMPLETED, "the good job after the bad ones");
      await(() -> sent.size() == 3, "the jobs with odd attempts");
      await(() -> bridge.deadLetters(queue, 10).size() == 5, "five dead letters");

      assertEquals(List.of("d", "e", "f"), sent.stream().sorted().toList(),
          "the jobs with odd attempts ran as attempt 1");
      Map<String, String> reasons = bridge.deadLetters(queue, 10).stream()
          .collect(Collectors.toMap(DeadLetter::jobId, DeadLetter::reason));
      assertTrue(reasons.get("not-json").startsWith("malformed job: "), reasons.toString());
      assertTrue(reasons.get("wrong-shape").startsWith("malformed job: ") && reasons.get("wrong-shape")
          .contains("priority"), reasons.toString());
      assertEquals("malformed job: the job hash has no payload", reasons.get("no-payload"));
      assertEquals("malformed job: no job data in Redis under " + base + "job:no-hash", reasons.get("no-hash"));
      assertTrue(reasons.get("a-string").contains("held a string, not a hash"), reasons.toString());
      assertEquals("{\"to\":\"c\",\"priority\":1}", raw.get(base + "job:a-string:malformed"), "kept, not lost");
      assertEquals(JobState.DEAD_LETTER, bridge.state(queue, "not-json").orElseThrow());
      assertEquals("{not json", new String(bridge.deadLetters(queue, 10).stream()
          .filter(letter -> letter.jobId().equals("not-json")).findFirst().orElseThrow().payload(),
          StandardCharsets.UTF_8), "the payload is kept with the dead letter");
    } finally {
      app.stop();
      RedisTestServer.deleteAll(prefix);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      Thread.sleep(50);
    }
  }
}
