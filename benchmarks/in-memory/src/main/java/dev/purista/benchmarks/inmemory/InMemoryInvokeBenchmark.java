package dev.purista.benchmarks.inmemory;

import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import dev.purista.core.spi.PayloadValidator;
import dev.purista.validation.BeanValidationPayloadValidator;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory command path beside its limit, the handler called directly, in one JMH run. The workload is the
 * original's peer benchmark: {@code user} v1 {@code getUser}, payload {@code {id}}, output {@code {id, name}},
 * validation on (Bean Validation {@code @NotNull} on payload and result, like the original's zod schemas),
 * logging off.
 *
 * <ul>
 *   <li>{@link #directCall}: the handler as a plain method call, the limit.</li>
 *   <li>{@link #directCallValidated}: the same plus the three Bean Validation calls the pipeline makes, which
 *       separates the cost of validation from the cost of the runtime.</li>
 *   <li>{@link #invokeOneAtATime}: {@code PuristaClient.invoke} through {@code DefaultEventBridge}, one call at a
 *       time: latency.</li>
 *   <li>{@link #invoke64Callers}: the same blocking call from 64 threads, so 64 calls are in flight: what a
 *       server with 64 request threads sees.</li>
 *   <li>{@link #invoke64Futures}: 64 {@code EventBridge.invoke} futures kept in flight, each completion starting
 *       the next on the thread that completed it, so no thread waits for its own call: the original's shape
 *       (64 promises on one event loop).</li>
 * </ul>
 *
 * <p>The invoke benchmarks run twice, as objects in process and with {@code jsonRoundTrip} on, which writes every
 * message as JSON and reads it back as a broker bridge would. Each checks the answer, as the original does, so a
 * broken path cannot look fast.
 */
// Hibernate Validator logs through JBoss Logging, which would pick java.util.logging; routing it to SLF4J (nop
// here) keeps logging off on the measured path, as in the original's benchmark.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 10, time = 2)
public class InMemoryInvokeBenchmark {
  /** Calls in flight in the concurrent benchmarks, as in the original's benchmark. */
  static final int IN_FLIGHT = 64;
  /** Calls per invocation of {@link #invoke64Futures}: large, so the ramp up and down of the window is noise. */
  static final int WINDOW_CALLS = 10_000;

  /**
   * Warm-up iterations of the 64-in-flight benchmarks: 64 busy threads on 2 cores starve the JIT compiler, and
   * their scores still climbed after 12 s of warm-up on a loaded machine (the JSON path most).
   */
  static final int WARMUP_IN_FLIGHT = 12;

  private static final GetUserParameter NO_PARAMETER = new GetUserParameter();

  /** Distinct ids per calling thread, as the original sends {@code String(i)}. */
  @State(Scope.Thread)
  public static class CallIds {
    private int next;

    String next() {
      return Integer.toString(next++);
    }
  }

  /** The handler and the validator, without any runtime around them. */
  @State(Scope.Benchmark)
  public static class Direct {
    final GetUserCommand handler = new GetUserCommand();
    final PayloadValidator validator = new BeanValidationPayloadValidator();
  }

  /** The running service on a started bridge, shared by all calling threads. */
  @State(Scope.Benchmark)
  public static class Running {
    @Param({"false", "true"})
    public boolean jsonRoundTrip;

    UserSystem system;

    @Setup(Level.Trial)
    public void start() {
      system = UserSystem.start(jsonRoundTrip);
      requireValidationOn(system);
    }

    @TearDown(Level.Trial)
    public void stop() {
      system.close();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public GetUserResult directCall(Direct direct, CallIds ids) throws Exception {
    return direct.handler.handle(null, new GetUserPayload(ids.next()), NO_PARAMETER);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public GetUserResult directCallValidated(Direct direct, CallIds ids) throws Exception {
    GetUserPayload payload = new GetUserPayload(ids.next());
    requireValid(direct.validator.validate(payload));
    requireValid(direct.validator.validate(NO_PARAMETER));
    GetUserResult result = direct.handler.handle(null, payload, NO_PARAMETER);
    requireValid(direct.validator.validate(result));
    return result;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public GetUserResult invokeOneAtATime(Running running, CallIds ids) {
    return checked(running.system, ids.next());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(IN_FLIGHT)
  @Warmup(iterations = WARMUP_IN_FLIGHT, time = 2)
  public GetUserResult invoke64Callers(Running running, CallIds ids) {
    return checked(running.system, ids.next());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(WINDOW_CALLS)
  @Warmup(iterations = WARMUP_IN_FLIGHT, time = 2)
  public void invoke64Futures(Running running) throws InterruptedException {
    invokeInWindow(running, WINDOW_CALLS);
  }

  /** The body of {@link #invoke64Futures}; tests run it with fewer calls. */
  static void invokeInWindow(Running running, int calls) throws InterruptedException {
    InFlightWindow.run(IN_FLIGHT, calls, number -> {
      String id = Integer.toString(number);
      return running.system.getUserAsync(id).thenAccept(result -> requireAnswerTo(id, result));
    });
  }

  private static GetUserResult checked(UserSystem system, String id) {
    GetUserResult result = system.getUser(id);
    requireAnswerTo(id, result);
    return result;
  }

  static void requireAnswerTo(String id, GetUserResult result) {
    if (!id.equals(result.id())) {
      throw new IllegalStateException("asked for user " + id + ", got " + result);
    }
  }

  private static void requireValid(List<PayloadValidator.Violation> violations) {
    if (!violations.isEmpty()) {
      throw new IllegalStateException("valid input reported as invalid: " + violations);
    }
  }

  /**
   * Fails the trial unless the running service rejects an invalid payload: a benchmark that lost its validator
   * (for example a jar without the merged service files) would otherwise report a path it does not claim.
   */
  static void requireValidationOn(UserSystem system) {
    try {
      system.getUser(new GetUserPayload(null));
    } catch (HandledError e) {
      if (e.status() == StatusCode.BAD_REQUEST) {
        return;
      }
      throw new IllegalStateException("expected 400 for a payload without id, got " + e.status(), e);
    }
    throw new IllegalStateException("a payload without id was accepted: validation is off");
  }
}
