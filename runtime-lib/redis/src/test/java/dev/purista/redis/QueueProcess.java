package dev.purista.redis;

import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.queue.spi.Enqueued;
import dev.purista.core.queue.spi.NewJob;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import redis.clients.jedis.RedisClient;

/**
 * Another process for the queue tests, started with the test class path:
 * <ul>
 *   <li>{@code worker URL PREFIX QUEUE hang|work}: a service whose worker records each job it starts in the Redis
 *       list {@code <prefix>record:started}; {@code hang} then never finishes (the test kills the process),
 *       {@code work} counts the job in the hash {@code <prefix>record:completed} and returns;</li>
 *   <li>{@code race URL PREFIX QUEUE GO_LIST KEYS}: prints {@code ready}, waits for an entry in the Redis list
 *       {@code GO_LIST}, enqueues one job per
 *       idempotency key {@code key-0 ...}, and prints {@code key id created} per enqueue.</li>
 * </ul>
 */
public final class QueueProcess {
  /** A job of the crash test's queue. */
  public record Task(String name) {
  }

  static final Duration VISIBILITY = Duration.ofSeconds(3);

  private QueueProcess() {
  }

  static QueueDefinition<Task> tasks(String queue) {
    return QueueDefinition.builder(queue, Task.class).visibilityTimeout(VISIBILITY).maxAttempts(5)
        .backoff(Duration.ofMillis(50), Duration.ofMillis(200)).build();
  }

  public static void main(String[] args) throws Exception {
    String url = args[1];
    String prefix = args[2];
    String queue = args[3];
    RedisStoreConfig config = RedisStoreConfig.builder().url(url).keyPrefix(prefix).build();
    if (args[0].equals("race")) {
      race(config, queue, args[4], Integer.parseInt(args[5]));
      return;
    }
    boolean hang = args[4].equals("hang");
    RedisClient records = RedisClient.create(URI.create(url));
    ServiceDefinition service = ServiceDefinition.builder("crash-worker", "1")
        .queueWorker(QueueWorkerDefinition.builder("run", tasks(queue)).handler((ctx, task) -> {
          records.rpush(prefix + "record:started", ctx.jobId() + ":" + ctx.attempt());
          if (hang) {
            Thread.sleep(Duration.ofMinutes(10).toMillis());
          }
          records.hincrBy(prefix + "record:completed", ctx.jobId(), 1);
        }).build())
        .build();
    Application app = Application.builder(new DefaultEventBridge())
        .queueBridge(RedisQueueBridge.of(config))
        .service(service)
        .build()
        .start();
    System.out.println("ready");
    System.out.flush();
    app.runUntilShutdown();
  }

  private static void race(RedisStoreConfig config, String queue, String goList, int keys) throws Exception {
    try (RedisQueueBridge bridge = RedisQueueBridge.of(config)) {
      try (RedisClient signals = RedisClient.create(config.url())) {
        System.out.println("ready");
        System.out.flush();
        // Both racers wait for the same signal, so that their enqueues overlap.
        signals.blpop(60, goList);
      }
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < keys; i++) {
        byte[] payload = ("{\"name\":\"race " + ProcessHandle.current().pid() + "\"}").getBytes(StandardCharsets.UTF_8);
        Enqueued enqueued = bridge.enqueue(queue, new NewJob(payload, null, "key-" + i, null));
        out.append("key-").append(i).append(' ').append(enqueued.jobId()).append(' ').append(enqueued.created())
            .append('\n');
      }
      System.out.print(out);
      System.out.flush();
    }
  }
}
