package dev.purista.nats;

import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.queue.spi.Enqueued;
import dev.purista.core.queue.spi.NewJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * A second process for the queue tests, started by {@link #start} in a JVM of its own on this test class path. It
 * reports on standard output, one line per event, and is told what to do by its arguments:
 * <ul>
 *   <li>{@code work URL NAME QUEUE VISIBILITY_MS}: a service whose worker prints {@code STARTED <to>} when its
 *       handler starts a job and then works on it for ten minutes (the test kills the process before);</li>
 *   <li>{@code enqueue URL NAME QUEUE START_EPOCH_MS COUNT}: waits until the start time, then enqueues jobs with
 *       the idempotency keys {@code key-0} to {@code key-<COUNT-1>}, from eight threads in a random order,
 *       printing {@code ENQUEUED <key> <jobId> <created>} for each.</li>
 * </ul>
 */
public final class QueueChildProcess {
  record Mail(String to, int priority) {
  }

  private QueueChildProcess() {
  }

  static Process start(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), QueueChildProcess.class.getName()));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  public static void main(String[] args) throws Exception {
    NatsQueueConfig config = NatsQueueConfig.of(NatsTestSupport.fastConfig(args[1]).build()).withName(args[2]);
    String queue = args[3];
    if (args[0].equals("work")) {
      work(config, queue, Duration.ofMillis(Long.parseLong(args[4])));
    } else {
      enqueue(config, queue, Long.parseLong(args[4]), Integer.parseInt(args[5]));
    }
  }

  private static void work(NatsQueueConfig config, String queue, Duration visibility) throws InterruptedException {
    QueueDefinition<Mail> mails = QueueDefinition.builder(queue, Mail.class).visibilityTimeout(visibility).build();
    Application.builder(new DefaultEventBridge()).queueBridge(NatsQueueBridge.of(config))
        .service(ServiceDefinition.builder("crashing", "1").queueWorker(QueueWorkerDefinition.builder("send", mails)
            .handler((ctx, mail) -> {
              System.out.println("STARTED " + mail.to());
              System.out.flush();
              Thread.sleep(Duration.ofMinutes(10).toMillis());
            }).build()).build())
        .build().start();
    Thread.sleep(Duration.ofMinutes(10).toMillis());
  }

  /** Eight threads, the keys in an order of this process's own, so that the two processes meet on many keys. */
  private static void enqueue(NatsQueueConfig config, String queue, long startAt, int count) throws Exception {
    List<Integer> order = new ArrayList<>(IntStream.range(0, count).boxed().toList());
    Collections.shuffle(order);
    ConcurrentLinkedQueue<Integer> todo = new ConcurrentLinkedQueue<>(order);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try (NatsQueueBridge bridge = NatsQueueBridge.of(config)) {
      System.out.println("READY");
      System.out.flush();
      Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(threads.submit(() -> {
          Integer i;
          while ((i = todo.poll()) != null) {
            Enqueued enqueued = enqueueUntilAnswered(bridge, queue, new NewJob(("{\"to\":\"" + i
                + "\",\"priority\":1}").getBytes(StandardCharsets.UTF_8), null, "key-" + i, null));
            synchronized (System.out) {
              System.out.println("ENQUEUED key-" + i + " " + enqueued.jobId() + " " + enqueued.created());
            }
          }
          return null;
        }));
      }
      for (Future<?> thread : done) {
        thread.get();
      }
      System.out.flush();
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * As a producer does: an enqueue that got no answer in time (a loaded server) is tried again with the same key,
   * which is what makes that safe. Each retry is reported on standard error.
   */
  private static Enqueued enqueueUntilAnswered(NatsQueueBridge bridge, String queue, NewJob job)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return bridge.enqueue(queue, job);
      } catch (IllegalStateException e) {
        if (attempt == 5) {
          throw e;
        }
        System.err.println("enqueue of " + job.idempotencyKey() + " failed, trying again: " + e.getMessage());
        Thread.sleep(100);
      }
    }
  }
}
