package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.JobState;
import dev.purista.core.queue.EnvironmentQueues;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.queue.spi.QueueBridge;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queue settings from the environment, and the names they make on the server. */
class NatsQueueConfigTest {
  @Test
  void theEnvironmentSelectsTheNatsQueueBridgeThroughItsProvider() {
    Map<String, String> env = Map.of("PURISTA_QUEUE_BRIDGE", "nats", "PURISTA_NATS_URL", NatsTestSupport.brokerUrl(),
        "PURISTA_NATS_QUEUE_NAME", "purista_env_test");
    try (QueueBridge bridge = EnvironmentQueues.from(env::get).queueBridge()) {
      assertTrue(bridge instanceof NatsQueueBridge, bridge.getClass().getName());
      String jobId = bridge.enqueue("selected", new NewJob("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          null, null, null)).jobId();
      assertEquals(java.util.Optional.of(JobState.PENDING), bridge.state("selected", jobId));
    }
  }

  @Test
  void defaultsAndVariables() {
    NatsQueueConfig defaults = NatsQueueConfig.fromEnvironment(Map.<String, String>of()::get);
    assertEquals("purista_queues", defaults.name());
    assertEquals(Duration.ofDays(7), defaults.retention());

    NatsQueueConfig set = NatsQueueConfig.fromEnvironment(Map.of("PURISTA_NATS_QUEUE_NAME", "shop_jobs",
        "PURISTA_NATS_QUEUE_RETENTION", "36h", "PURISTA_NATS_URL", "nats://queues:4222")::get);
    assertEquals("shop_jobs", set.name());
    assertEquals(Duration.ofHours(36), set.retention());
    assertEquals("nats://queues:4222", set.connection().urls().get(0));
  }

  @Test
  void aBadValueFailsNamingItsVariable() {
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
        () -> NatsQueueConfig.fromEnvironment(Map.of("PURISTA_NATS_QUEUE_NAME", "shop.jobs")::get));
    assertTrue(name.getMessage().contains("PURISTA_NATS_QUEUE_NAME"), name.getMessage());
    IllegalArgumentException retention = assertThrows(IllegalArgumentException.class,
        () -> NatsQueueConfig.fromEnvironment(Map.of("PURISTA_NATS_QUEUE_RETENTION", "7")::get));
    assertTrue(retention.getMessage().contains("PURISTA_NATS_QUEUE_RETENTION"), retention.getMessage());
  }

  @Test
  void queueNamesAndJobIdsBecomeOneTokenEach() {
    QueueNames names = new QueueNames("purista_queues");
    assertEquals("purista_queues.orders=2Eeu", names.jobSubject("orders.eu"));
    assertEquals("purista_queues.a=2A=3E_b-c", names.jobSubject("a*>_b-c"));
    assertEquals("purista_queues_dead.orders=2Eeu", names.deadLetterSubject("orders.eu"));
    assertEquals("q_orders=2Eeu", names.consumer("orders.eu"));
    assertEquals("a=2Eb.c", names.jobKey("a.b", "c"));
    assertEquals("a.b=2Ec", names.jobKey("a", "b.c"), "the separator never comes from a name");
  }
}
