package dev.purista.benchmarks.inmemory;

import dev.purista.core.ServiceOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the time of one call at a time goes: the two halves of {@link InMemoryInvokeBenchmark#invokeOneAtATime}
 * measured apart, in one run with it.
 *
 * <ul>
 *   <li>{@link #threadPoolRoundTrip}: hand a task that does nothing to a {@link ThreadPoolExecutor} configured as
 *       the runtime's handler pool on JDK 17, and wait for it: the price of the two thread wake-ups alone.</li>
 *   <li>{@link #invokeOnCallerThread}: the full {@code PuristaClient.invoke}, validation on, with the pipeline
 *       run on the calling thread ({@link CallerRunsExecutor}): the runtime's own work without a hand-off.</li>
 * </ul>
 *
 * <p>Run it with {@code java -jar benchmarks.jar 'HandOffBenchmark|invokeOneAtATime' -p jsonRoundTrip=false}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandOffBenchmark {

  /** A pool shaped like the runtime's JDK 17 handler pool: 64 threads, a bounded queue. */
  @State(Scope.Benchmark)
  public static class Pool {
    ThreadPoolExecutor executor;

    @Setup(Level.Trial)
    public void start() {
      executor = new ThreadPoolExecutor(64, 64, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000));
    }

    @TearDown(Level.Trial)
    public void stop() {
      executor.shutdownNow();
    }
  }

  /** The service with its pipeline on the caller's thread. */
  @State(Scope.Benchmark)
  public static class OnCallerThread {
    UserSystem system;

    @Setup(Level.Trial)
    public void start() {
      system = UserSystem.start(false, ServiceOptions.configure(options -> options.executor(new CallerRunsExecutor())));
      InMemoryInvokeBenchmark.requireValidationOn(system);
    }

    @TearDown(Level.Trial)
    public void stop() {
      system.close();
    }
  }

  @Benchmark
  public Object threadPoolRoundTrip(Pool pool) throws Exception {
    CompletableFuture<Object> done = new CompletableFuture<>();
    pool.executor.execute(() -> done.complete(pool));
    return done.get(30, TimeUnit.SECONDS);
  }

  @Benchmark
  public GetUserResult invokeOnCallerThread(OnCallerThread running, InMemoryInvokeBenchmark.CallIds ids) {
    String id = ids.next();
    GetUserResult result = running.system.getUser(id);
    if (!id.equals(result.id())) {
      throw new IllegalStateException("asked for user " + id + ", got " + result);
    }
    return result;
  }
}
