package dev.purista.benchmarks.queues;

import dev.purista.core.queue.memory.DefaultQueueBridge;
import dev.purista.nats.NatsBridgeConfig;
import dev.purista.nats.NatsQueueBridge;
import dev.purista.nats.NatsQueueConfig;
import dev.purista.redis.RedisQueueBridge;
import dev.purista.redis.RedisStoreConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Queue throughput, enqueue to complete, in jobs per second: the worker runtime on the in-memory, Redis and NATS
 * queue bridges at worker concurrency 1 and 16, and BullMQ on the same Redis at the same concurrencies, in one run.
 * Every round of every side enqueues the same number of jobs one at a time while the workers run, and is timed
 * until the last one completed; the sides take turns round by round, so that the changing load of the machine hits
 * all alike. Reports the median jobs per second of each side and the ratios Redis bridge / BullMQ.
 *
 * <p>Everything made on the shared servers has a name unique to the run and is removed at its end.
 *
 * <pre>
 * benchmarks/queues/bullmq-peer/install.sh          # once: BullMQ from its package-lock.json
 * mvn -q -pl benchmarks/queues exec:java           # PURISTA_REDIS_URL, PURISTA_NATS_URL: defaults on 127.0.0.1
 * mvn -q -pl benchmarks/queues exec:java -Dbench.jobs=2000 -Dbench.rounds=9 -Dbench.warmupRounds=2 -Dbench.peer=false
 * </pre>
 */
public final class QueueThroughputBenchmark {
  private static final int[] CONCURRENCIES = {1, 16};

  private QueueThroughputBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    String redisUrl = System.getenv().getOrDefault("PURISTA_REDIS_URL", "redis://127.0.0.1:6379");
    String natsUrl = System.getenv().getOrDefault("PURISTA_NATS_URL", "nats://127.0.0.1:4222");
    int jobs = Integer.getInteger("bench.jobs", 1000);
    int rounds = Integer.getInteger("bench.rounds", 5);
    int warmupRounds = Integer.getInteger("bench.warmupRounds", 1);
    boolean peer = Boolean.parseBoolean(System.getProperty("bench.peer", "true"));
    Path peerDirectory = Path.of(System.getProperty("bench.peerDirectory", "benchmarks/queues/bullmq-peer"));

    // Unique per run: the servers are shared, and what a run made is found again by this name and removed.
    String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    String redisPrefix = "purista-bench-" + run + ":";
    String natsName = "purista_bench_" + run;
    URI redis = URI.create(redisUrl);

    System.out.printf(Locale.ROOT, "Redis %s, NATS %s; %d warm-up + %d measured rounds of %d jobs per side; "
        + "run %s; Java %s; %d processors%n", redisUrl, natsUrl, warmupRounds, rounds, jobs, run,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

    DefaultQueueBridge memory = new DefaultQueueBridge();
    RedisQueueBridge redisBridge = RedisQueueBridge.of(RedisStoreConfig.builder().url(redisUrl)
        .keyPrefix(redisPrefix).build(), Duration.ofMinutes(10));
    NatsQueueBridge natsBridge = NatsQueueBridge.of(NatsQueueConfig.of(NatsBridgeConfig.builder().url(natsUrl)
        .build()).withName(natsName));
    List<ThroughputSide> sides = new ArrayList<>();
    try {
      for (int concurrency : CONCURRENCIES) {
        sides.add(new PuristaWorkerSide("memory c" + concurrency, memory, concurrency));
        sides.add(new PuristaWorkerSide("redis c" + concurrency, redisBridge, concurrency));
        if (peer) {
          sides.add(new BullMqSide(peerDirectory, redisUrl, "purista-bench-" + run, concurrency));
        }
        sides.add(new PuristaWorkerSide("nats c" + concurrency, natsBridge, concurrency));
      }
      report(measure(sides, jobs, warmupRounds, rounds), peer);
    } finally {
      for (ThroughputSide side : sides) {
        side.finish();
      }
      memory.close();
      redisBridge.close();
      natsBridge.close();
      long keys = SharedServerCleanup.redisKeys(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort(),
          redisPrefix);
      SharedServerCleanup.natsQueues(natsUrl, natsName);
      System.out.printf(Locale.ROOT, "%ncleaned up: %d Redis keys under %s, NATS streams and buckets %s*%n", keys,
          redisPrefix, natsName);
    }
  }

  private static Map<ThroughputSide, double[]> measure(List<ThroughputSide> sides, int jobs, int warmupRounds,
      int rounds) throws Exception {
    Map<ThroughputSide, double[]> rates = new LinkedHashMap<>();
    sides.forEach(side -> rates.put(side, new double[rounds]));
    for (int round = 0; round < warmupRounds + rounds; round++) {
      for (ThroughputSide side : sides) {
        double jobsPerSecond = jobs * 1e9 / side.round(jobs);
        if (round >= warmupRounds) {
          rates.get(side)[round - warmupRounds] = jobsPerSecond;
        }
      }
    }
    return rates;
  }

  private static void report(Map<ThroughputSide, double[]> rates, boolean peer) {
    System.out.println();
    System.out.println("| side | median jobs/s | min | max |");
    System.out.println("|---|---:|---:|---:|");
    Map<String, Double> medians = new LinkedHashMap<>();
    rates.forEach((side, perRound) -> {
      double[] sorted = perRound.clone();
      Arrays.sort(sorted);
      double median = median(sorted);
      medians.put(side.name(), median);
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", side.name(), median, sorted[0],
          sorted[sorted.length - 1]);
    });
    if (peer) {
      System.out.println();
      for (int concurrency : CONCURRENCIES) {
        System.out.printf(Locale.ROOT, "ratio redis/BullMQ at concurrency %d: %.3f%n", concurrency,
            medians.get("redis c" + concurrency) / medians.get("BullMQ c" + concurrency));
      }
    }
  }

  private static double median(double[] sorted) {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
