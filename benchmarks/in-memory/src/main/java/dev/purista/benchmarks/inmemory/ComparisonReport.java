package dev.purista.benchmarks.inmemory;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one JMH run of {@link InMemoryInvokeBenchmark} and the original's figures from the same session into the
 * Markdown tables of {@code docs/benchmarks/in-memory.md}: medians, the ratio to the direct call, the ratio to the
 * original, and whether the project's aims are met (one call at a time: at most 1/20 of the original's latency;
 * 64 in flight: at least 100 times its calls per second). When the same run has {@link VertxEventBusBenchmark}, two
 * more tables follow: Vert.x local request/reply beside our objects path, as ratios to ours.
 *
 * <pre>
 * java -cp benchmarks.jar dev.purista.benchmarks.inmemory.ComparisonReport jmh.json peer-before.jsonl peer-after.jsonl
 * </pre>
 */
public final class ComparisonReport {
  /** The latency aim: ours at most this fraction of the original's time per call. */
  static final double LATENCY_AIM = 1.0 / 20;
  /** The throughput aim: ours at least this multiple of the original's calls per second. */
  static final double THROUGHPUT_AIM = 100;

  private final JmhScores ours;
  private final PeerScores original;

  public ComparisonReport(JmhScores ours, PeerScores original) {
    this.ours = ours;
    this.original = original;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ComparisonReport JMH_RESULT.json ORIGINAL_RUNS.jsonl [MORE_ORIGINAL_RUNS.jsonl...]");
      System.exit(2);
    }
    List<Path> peerFiles = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      peerFiles.add(Path.of(args[i]));
    }
    new ComparisonReport(JmhScores.read(Path.of(args[0])), PeerScores.read(peerFiles)).print(System.out);
  }

  public void print(PrintStream out) {
    out.println("JVM: " + ours.jvm() + ". Original: " + original.impl() + ", " + original.runs().size()
        + " run(s): " + describeRuns() + ".");
    out.println();
    printLatency(out);
    out.println();
    printThroughput(out);
    if (ours.find("invokeOnCallerThread", false).isPresent()) {
      out.println();
      printHandOff(out);
    }
    printVertx(out);
  }

  private void printLatency(PrintStream out) {
    double direct = ours.find("directCall", false).orElseThrow().microsPerCall();
    double peer = original.medianMicrosPerCall();
    out.println("| one call at a time | µs per call (median; min–max) | × direct call | original ÷ ours "
        + "| aim: ≤ 1/20 of the original |");
    out.println("|---|---:|---:|---:|---|");
    latencyRow(out, "handler called directly (the limit)", "directCall", false, direct, peer, false);
    latencyRow(out, "direct call + the 3 Bean Validation calls", "directCallValidated", false, direct, peer, false);
    latencyRow(out, "`PuristaClient.invoke`, objects", "invokeOneAtATime", false, direct, peer, true);
    latencyRow(out, "`PuristaClient.invoke`, JSON round trip", "invokeOneAtATime", true, direct, peer, true);
    out.printf(Locale.ROOT, "| original (median of runs) | %s | %s | 1 | |%n", micros(peer),
        times(peer / direct));
  }

  private void latencyRow(PrintStream out, String label, String benchmark, boolean json, double direct, double peer,
      boolean judged) {
    ours.find(benchmark, json).ifPresent(score -> {
      double value = score.microsPerCall();
      double scale = value / score.median();
      out.printf(Locale.ROOT, "| %s | %s (%s–%s) | %s | %s | %s |%n", label, micros(value),
          micros(score.min() * scale), micros(score.max() * scale), times(value / direct), times(peer / value),
          judged ? verdict(value <= peer * LATENCY_AIM) : "");
    });
  }

  private void printThroughput(PrintStream out) {
    double peer = original.medianCallsPerSecond();
    out.println("| 64 calls in flight | calls per second (median; min–max) | ours ÷ original "
        + "| aim: ≥ 100 × the original |");
    out.println("|---|---:|---:|---|");
    throughputRow(out, "64 futures on `EventBridge.invoke`, objects", "invoke64Futures", false, peer);
    throughputRow(out, "64 threads on `PuristaClient.invoke`, objects", "invoke64Callers", false, peer);
    throughputRow(out, "64 futures on `EventBridge.invoke`, JSON round trip", "invoke64Futures", true, peer);
    throughputRow(out, "64 threads on `PuristaClient.invoke`, JSON round trip", "invoke64Callers", true, peer);
    out.printf(Locale.ROOT, "| original, 64 promises (median of runs) | %s | 1 | |%n", calls(peer));
  }

  private void throughputRow(PrintStream out, String label, String benchmark, boolean json, double peer) {
    ours.find(benchmark, json).ifPresent(score -> {
      double value = score.callsPerSecond();
      double scale = value / score.median();
      out.printf(Locale.ROOT, "| %s | %s (%s–%s) | %s | %s |%n", label, calls(value), calls(score.min() * scale),
          calls(score.max() * scale), times(value / peer), verdict(value >= peer * THROUGHPUT_AIM));
    });
  }

  /**
   * Vert.x local request/reply ({@link VertxEventBusBenchmark}) beside our objects path, in tables of their own so
   * that the tables above read as before. The ratios are always Vert.x's cost over ours, so above 1 means ours is
   * faster: time per call over ours, and our calls per second over Vert.x's.
   */
  private void printVertx(PrintStream out) {
    Optional<JmhScores.Score> oneAtATime = ours.find("invokeOneAtATime", false);
    if (oneAtATime.isPresent() && hasVertx("oneAtATime")) {
      JmhScores.Score invoke = oneAtATime.get();
      double value = invoke.microsPerCall();
      out.println();
      out.println("| beside Vert.x, one call at a time | µs per call (median; min–max) | Vert.x ÷ ours |");
      out.println("|---|---:|---:|");
      out.printf(Locale.ROOT, "| ours: `PuristaClient.invoke`, objects, validation on | %s | 1 |%n",
          microsRange(invoke));
      vertxLatencyRow(out, "Vert.x `request`, local codec, the same 3 validations", true, value);
      vertxLatencyRow(out, "Vert.x `request`, local codec, no validation", false, value);
    }
    Optional<JmhScores.Score> inFlight = ours.find("invoke64Futures", false);
    if (inFlight.isPresent() && hasVertx("inFlight64")) {
      JmhScores.Score invoke = inFlight.get();
      double value = invoke.callsPerSecond();
      out.println();
      out.println("| beside Vert.x, 64 calls in flight | calls per second (median; min–max) | ours ÷ Vert.x |");
      out.println("|---|---:|---:|");
      out.printf(Locale.ROOT, "| ours: 64 futures on `EventBridge.invoke`, objects, validation on | %s | 1 |%n",
          callsRange(invoke));
      vertxThroughputRow(out, "Vert.x, 64 requests in flight, the same 3 validations", true, value);
      vertxThroughputRow(out, "Vert.x, 64 requests in flight, no validation", false, value);
    }
  }

  /** Whether the run has {@link VertxEventBusBenchmark}'s {@code benchmark}; older runs have not. */
  private boolean hasVertx(String benchmark) {
    return ours.all().stream().anyMatch(score -> score.benchmark().equals(benchmark));
  }

  private void vertxLatencyRow(PrintStream out, String label, boolean validated, double oursMicros) {
    ours.find("oneAtATime", "validated", validated).ifPresent(score -> out.printf(Locale.ROOT,
        "| %s | %s | %s |%n", label, microsRange(score), times(score.microsPerCall() / oursMicros)));
  }

  private void vertxThroughputRow(PrintStream out, String label, boolean validated, double oursCalls) {
    ours.find("inFlight64", "validated", validated).ifPresent(score -> out.printf(Locale.ROOT,
        "| %s | %s | %s |%n", label, callsRange(score), times(oursCalls / score.callsPerSecond())));
  }

  private static String microsRange(JmhScores.Score score) {
    double value = score.microsPerCall();
    double scale = value / score.median();
    return micros(value) + " (" + micros(score.min() * scale) + "–" + micros(score.max() * scale) + ")";
  }

  private static String callsRange(JmhScores.Score score) {
    double value = score.callsPerSecond();
    double scale = value / score.median();
    return calls(value) + " (" + calls(score.min() * scale) + "–" + calls(score.max() * scale) + ")";
  }

  /** The two halves of one call at a time, measured apart by {@link HandOffBenchmark} in the same run. */
  private void printHandOff(PrintStream out) {
    out.println("| where one call at a time goes | µs per call (median; min–max) |");
    out.println("|---|---:|");
    handOffRow(out, "`PuristaClient.invoke`, objects (as above)", "invokeOneAtATime");
    handOffRow(out, "the same, pipeline on the caller's thread (no hand-off)", "invokeOnCallerThread");
    handOffRow(out, "an empty task to a 64-thread `ThreadPoolExecutor` and back", "threadPoolRoundTrip");
  }

  private void handOffRow(PrintStream out, String label, String benchmark) {
    ours.find(benchmark, false).ifPresent(score -> {
      double value = score.microsPerCall();
      double scale = value / score.median();
      out.printf(Locale.ROOT, "| %s | %s (%s–%s) |%n", label, micros(value), micros(score.min() * scale),
          micros(score.max() * scale));
    });
  }

  private String describeRuns() {
    List<String> runs = new ArrayList<>();
    for (PeerScores.Run run : original.runs()) {
      runs.add(micros(run.microsPerCall()) + " µs and " + calls(run.callsPerSecond()) + " calls/s");
    }
    return String.join("; ", runs);
  }

  private static String verdict(boolean met) {
    return met ? "met" : "**not met**";
  }

  /** Three significant digits, enough for figures that drift by more than 1 % between runs. */
  static String micros(double value) {
    return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  static String calls(double value) {
    return String.format(Locale.ROOT, "%,d", Math.round(value));
  }

  static String times(double ratio) {
    return ratio >= 100 ? String.format(Locale.ROOT, "%,d×", Math.round(ratio)) : micros(ratio) + "×";
  }
}
