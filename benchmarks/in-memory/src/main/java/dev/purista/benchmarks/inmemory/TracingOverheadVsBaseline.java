package dev.purista.benchmarks.inmemory;

import dev.purista.benchmarks.common.InterleavedRounds;
import dev.purista.benchmarks.common.LatencyRecorder;
import dev.purista.benchmarks.common.RoundTrip;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The in-memory invoke (one call at a time, validation on) of two builds of the runtime in one JVM: the
 * benchmark jar of the commit before tracing existed and the one of this commit, each in a class loader of its own,
 * called in interleaved rounds so that both share every swing of a busy machine's load; a third side runs this
 * commit with an SDK recording every span. JMH runs one build after the other, and on a shared 2-core machine the
 * load changed more between two runs than the 5 % this is meant to resolve.
 *
 * <p>{@code java -cp benchmarks.jar dev.purista.benchmarks.inmemory.TracingOverheadVsBaseline <baseline.jar>
 * <current.jar>}; both are {@code benchmarks/in-memory/target/benchmarks.jar} built at the two commits.
 */
public final class TracingOverheadVsBaseline {
  private TracingOverheadVsBaseline() {
  }

  public static void main(String[] args) throws Throwable {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TracingOverheadVsBaseline <baseline benchmarks.jar> "
          + "<current benchmarks.jar>");
    }
    int rounds = Integer.getInteger("bench.rounds", 100);
    int calls = Integer.getInteger("bench.calls", 2000);
    int warmupRounds = Integer.getInteger("bench.warmupRounds", 30);
    Side baseline = Side.load("before tracing (baseline build)", Path.of(args[0]), "start");
    Side current = Side.load("API only, no SDK (this build)", Path.of(args[1]), "start");
    Side traced = Side.load("SDK recording every span (this build)", Path.of(args[1]), "startTraced");
    System.out.printf(Locale.ROOT, "in-memory invoke, one call at a time, validation on; %d warm-up + %d measured "
        + "rounds of %d calls per side; Java %s, %d CPUs%n", warmupRounds, rounds, calls,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    Map<Side, LatencyRecorder> results = new InterleavedRounds(warmupRounds, rounds, calls)
        .run(List.of(baseline, current, traced));
    System.out.println();
    System.out.println("| side | calls | p50 (µs) | p99 (µs) | calls/s |");
    System.out.println("|---|---:|---:|---:|---:|");
    results.forEach((side, r) -> System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.0f |%n", side.name(),
        r.count(), r.percentileMicros(50), r.percentileMicros(99), r.callsPerSecond()));
    LatencyRecorder before = results.get(baseline);
    for (Side side : List.of(current, traced)) {
      LatencyRecorder after = results.get(side);
      System.out.printf(Locale.ROOT, "%s / baseline: p50 %.3f, calls/s %.3f%n", side.name(),
          after.percentileMicros(50) / before.percentileMicros(50), after.callsPerSecond() / before.callsPerSecond());
    }
  }

  /** One build's running system, called through a method handle into its own class loader. */
  private static final class Side implements RoundTrip {
    private final String name;
    private final Object system;
    private final MethodHandle getUser;
    private final MethodHandle id;
    private int next;

    private Side(String name, Object system, MethodHandle getUser, MethodHandle id) {
      this.name = name;
      this.system = system;
      this.getUser = getUser;
      this.id = id;
    }

    static Side load(String name, Path jar, String factory) throws Throwable {
      URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> systemType = loader.loadClass("dev.purista.benchmarks.inmemory.UserSystem");
      Class<?> resultType = loader.loadClass("dev.purista.benchmarks.inmemory.GetUserResult");
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      // The runtime finds its validator through the context class loader; each build must find its own.
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      Object system;
      try {
        system = factory.equals("start")
            ? lookup.findStatic(systemType, "start", MethodType.methodType(systemType, boolean.class)).invoke(false)
            : lookup.findStatic(loader.loadClass("dev.purista.benchmarks.inmemory.TracingBenchmark"), factory,
                MethodType.methodType(systemType)).invoke();
      } finally {
        thread.setContextClassLoader(previous);
      }
      MethodHandle getUser = lookup.findVirtual(systemType, "getUser", MethodType.methodType(resultType,
          String.class));
      MethodHandle id = lookup.findVirtual(resultType, "id", MethodType.methodType(String.class));
      return new Side(name, system, getUser, id);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void call() throws Exception {
      String asked = Integer.toString(next++);
      try {
        Object result = getUser.invoke(system, asked);
        if (!asked.equals(id.invoke(result))) {
          throw new IllegalStateException("asked for user " + asked + ", got " + result);
        }
      } catch (Exception | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
