package dev.purista.benchmarks.inmemory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Counts how often each thread of this JVM goes to sleep per call (Linux's voluntary context switches, from
 * {@code /proc/self/task}), while one thread makes calls one at a time. Each voluntary switch is a thread that
 * parked and must be woken again, which is what dominates the latency of a call when the handler runs on
 * another thread. Threads are grouped by name without their number ({@code purista-user-v1-N}). With
 * {@code vertx} as second argument the calls go to Vert.x's event bus instead ({@link VertxUserSystem}, validation
 * on), the yardstick of {@link VertxEventBusBenchmark}.
 *
 * <pre>
 * java -cp benchmarks.jar dev.purista.benchmarks.inmemory.ThreadWakeUps 200000 [vertx]
 * </pre>
 */
public final class ThreadWakeUps {
  private static final Path TASKS = Paths.get("/proc/self/task");

  private ThreadWakeUps() {
  }

  public static void main(String[] args) throws IOException {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    boolean vertx = args.length > 1 && args[1].equals("vertx");
    if (args.length > 1 && !vertx) {
      System.err.println("usage: ThreadWakeUps [CALLS] [vertx]");
      System.exit(2);
    }
    if (!Files.isDirectory(TASKS)) {
      System.err.println("needs Linux: " + TASKS + " is missing");
      System.exit(1);
    }
    measure(calls, vertx, System.out);
  }

  static void measure(int calls, PrintStream out) throws IOException {
    measure(calls, false, out);
  }

  /** Calls through our in-memory bridge, or through Vert.x's event bus when {@code vertx} is set. */
  static void measure(int calls, boolean vertx, PrintStream out) throws IOException {
    if (vertx) {
      try (VertxUserSystem system = VertxUserSystem.start(true)) {
        measure(calls, system::getUser, out);
      }
    } else {
      try (UserSystem system = UserSystem.start(false)) {
        measure(calls, system::getUser, out);
      }
    }
  }

  private static void measure(int calls, Function<String, GetUserResult> getUser, PrintStream out)
      throws IOException {
    for (int i = 0; i < Math.min(calls, 50_000); i++) {
      getUser.apply(Integer.toString(i));
    }
    Map<String, Long> before = voluntarySwitchesByThreadGroup();
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      getUser.apply(Integer.toString(i));
    }
    long elapsed = System.nanoTime() - start;
    Map<String, Long> after = voluntarySwitchesByThreadGroup();
    out.printf(Locale.ROOT, "%d calls, %.2f µs per call (%s)%n", calls, elapsed / 1000.0 / calls,
        Runtime.version());
    after.forEach((group, count) -> {
      double perCall = (count - before.getOrDefault(group, 0L)) / (double) calls;
      if (perCall >= 0.01) {
        out.printf(Locale.ROOT, "  %-36s %.2f voluntary context switches per call%n", group, perCall);
      }
    });
  }

  static Map<String, Long> voluntarySwitchesByThreadGroup() throws IOException {
    Map<String, Long> switches = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          String group = Files.readString(task.resolve("comm")).trim().replaceAll("-\\d+$", "-N");
          switches.merge(group, voluntarySwitches(task), Long::sum);
        } catch (IOException | UncheckedIOException e) {
          // The thread ended between listing and reading; its switches no longer matter.
        }
      }
    }
    return switches;
  }

  private static long voluntarySwitches(Path task) throws IOException {
    for (String line : Files.readAllLines(task.resolve("status"))) {
      if (line.startsWith("voluntary_ctxt_switches:")) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    throw new IOException("no voluntary_ctxt_switches in " + task.resolve("status"));
  }
}
