package dev.purista.benchmarks.inmemory;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Vert.x local request/reply beside {@link InMemoryInvokeBenchmark}: the same handler and records as a local
 * consumer on Vert.x's event bus ({@link VertxUserSystem}), in the same two shapes and with the same JMH settings,
 * so that both classes run in one JMH invocation and their scores compare within one session.
 *
 * <ul>
 *   <li>{@link #oneAtATime}: the JMH thread, which is no Vert.x thread, sends a request and waits for the reply,
 *       as {@link InMemoryInvokeBenchmark#invokeOneAtATime} waits in {@code PuristaClient.invoke}.</li>
 *   <li>{@link #inFlight64}: 64 requests in flight, each reply starting the next on the thread that handled it,
 *       as {@link InMemoryInvokeBenchmark#invoke64Futures}; each operation is a batch of 10,000 calls.</li>
 * </ul>
 *
 * <p>{@code validated} adds the three Bean Validation calls our pipeline makes; {@code validated=true} is the
 * like-for-like figure for our invoke with validation on, {@code false} is Vert.x's bare hand-off. Each call
 * checks its answer, as ours do.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 10, time = 2)
public class VertxEventBusBenchmark {

  /** Vert.x with the consumer deployed, shared by all calling threads. */
  @State(Scope.Benchmark)
  public static class Running {
    @Param({"false", "true"})
    public boolean validated;

    VertxUserSystem system;

    @Setup(Level.Trial)
    public void start() {
      system = VertxUserSystem.start(validated);
      if (validated) {
        requireValidationOn(system);
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      system.close();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public GetUserResult oneAtATime(Running running, InMemoryInvokeBenchmark.CallIds ids) {
    String id = ids.next();
    GetUserResult result = running.system.getUser(id);
    InMemoryInvokeBenchmark.requireAnswerTo(id, result);
    return result;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(InMemoryInvokeBenchmark.WINDOW_CALLS)
  @Warmup(iterations = InMemoryInvokeBenchmark.WARMUP_IN_FLIGHT, time = 2)
  public void inFlight64(Running running) throws InterruptedException {
    requestInWindow(running, InMemoryInvokeBenchmark.WINDOW_CALLS);
  }

  /** The body of {@link #inFlight64}; tests run it with fewer calls. */
  static void requestInWindow(Running running, int calls) throws InterruptedException {
    InFlightWindow.run(InMemoryInvokeBenchmark.IN_FLIGHT, calls, number -> {
      String id = Integer.toString(number);
      return running.system.getUserAsync(id)
          .thenAccept(result -> InMemoryInvokeBenchmark.requireAnswerTo(id, result));
    });
  }

  /** Fails the trial unless the consumer answers a payload without id with failure code 400, as ours does. */
  static void requireValidationOn(VertxUserSystem system) {
    try {
      system.getUser(new GetUserPayload(null));
    } catch (ReplyException e) {
      if (e.failureType() == ReplyFailure.RECIPIENT_FAILURE && e.failureCode() == VertxUserSystem.BAD_REQUEST) {
        return;
      }
      throw new IllegalStateException("expected failure code 400 for a payload without id, got " + e, e);
    }
    throw new IllegalStateException("a payload without id was accepted: validation is off");
  }
}
