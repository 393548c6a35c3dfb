package dev.purista.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.MessageAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * What a generated bootstrap gets from {@code storesAndQueuesFromEnvironment()} with PURISTA_STATE_STORE=redis and
 * PURISTA_QUEUE_BRIDGE=redis: a command's state lands in Redis, and a job it enqueues goes through Redis to a
 * worker of another service of the same process.
 */
class RedisApplicationEnvironmentTest {
  record Signup(String email) {
  }

  record Welcome(String email) {
  }

  record Nothing() {
  }

  @Test
  void stateAndJobsGoThroughRedis() throws Exception {
    String prefix = "purista-test:" + Long.toHexString(System.nanoTime()) + ":";
    Map<String, String> environment = Map.of("PURISTA_STATE_STORE", "redis", "PURISTA_QUEUE_BRIDGE", "redis",
        "PURISTA_REDIS_URL", RedisTestServer.url(), "PURISTA_REDIS_KEY_PREFIX", prefix);
    QueueDefinition<Welcome> welcomes = QueueDefinition.builder("welcomes", Welcome.class).build();
    CountDownLatch worked = new CountDownLatch(1);
    ServiceDefinition users = ServiceDefinition.builder("users", "1")
        .queue(welcomes)
        .command(CommandDefinition.builder("signUp", Signup.class, Nothing.class, Long.class)
            .handler((ctx, signup, parameter) -> {
              ctx.queues().enqueue("welcomes", new Welcome(signup.email()));
              return ctx.states().increment("users");
            }).build())
        .build();
    ServiceDefinition mailer = ServiceDefinition.builder("mailer", "1")
        .queueWorker(QueueWorkerDefinition.builder("send", welcomes)
            .handler((ctx, welcome) -> worked.countDown())
            .pollWait(Duration.ofMillis(100))
            .build())
        .build();

    try (RedisClient raw = RedisClient.create(URI.create(RedisTestServer.url()))) {
      Application app = Application.builder(new DefaultEventBridge())
          .storesAndQueuesFrom(environment::get)
          .service(users)
          .service(mailer)
          .build()
          .start();
      try {
        Long count = app.client("test").invoke(MessageAddress.of("users", "1", "signUp"), new Signup("a@b.c"),
            new Nothing(), Long.class, Duration.ofSeconds(10));

        assertEquals(1L, count);
        assertEquals("1", raw.get(prefix + "state:users"), "the counter in Redis");
        assertTrue(worked.await(10, TimeUnit.SECONDS), "the job reached the worker through Redis");
      } finally {
        app.stop();
      }
    } finally {
      RedisTestServer.deleteAll(prefix);
    }
  }
}
