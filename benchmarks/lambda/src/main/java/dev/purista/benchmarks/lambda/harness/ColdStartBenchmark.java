package dev.purista.benchmarks.lambda.harness;

import dev.purista.benchmarks.common.LatencyRecorder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Cold start and warm invocations of several functions, each run as AWS's Java base images run one (the runtime
 * interface client's {@code AWSLambda} as main class, Lambda's JIT flags) against a stand-in Runtime API, in
 * alternating rounds so that they share the machine's drift alike.
 *
 * <p>Cold start: from just before the JVM is started to the arrival of the first answer, whole process. First
 * invocation: from the moment the first event is handed out to its answer. Warm: the same, for each of the
 * first {@link #WINDOW} following events; late: for each of the last {@link #WINDOW} when there are at least twice
 * as many.
 *
 * <p>Arguments: {@code rounds warmInvocations targetDir variant...}, each variant
 * {@code name=jar:handlerClass[:archive]}; with an archive, the JVM gets
 * {@code JAVA_TOOL_OPTIONS=-XX:SharedArchiveFile=archive} and the function jar on its class path after the
 * runtime client's, as in the container image the CLI generates. {@code --train name=jar:handler:archive} writes
 * the archive instead, with purista-lambda's {@code ClassDataTraining} ({@code -XX:ArchiveClassesAtExit}).
 */
public final class ColdStartBenchmark {
  static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC", "-Xmx256m");
  private static final byte[] EVENT = ("{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":"
      + "\"/api/v1/greetings\",\"rawQueryString\":\"\",\"headers\":{\"content-type\":\"application/json\"},"
      + "\"requestContext\":{\"stage\":\"$default\",\"http\":{\"method\":\"POST\",\"path\":\"/api/v1/greetings\"}},"
      + "\"body\":\"{\\\"name\\\":\\\"Ada\\\"}\",\"isBase64Encoded\":false}").getBytes(StandardCharsets.UTF_8);

  private record Variant(String name, Path jar, String handler, Path archive) {
    static Variant parse(String text) {
      String[] nameAndRest = text.split("=", 2);
      String[] parts = nameAndRest[1].split(":");
      return new Variant(nameAndRest[0], Path.of(parts[0]), parts[1], parts.length > 2 ? Path.of(parts[2]) : null);
    }
  }

  /**
   * How many warm invocations each window holds: the first ones after the cold start, while the JIT compiler is
   * still at work (a function that is invoked now and then), and the last ones of a long run, once the request
   * path is compiled (a busy function).
   */
  static final int WINDOW = 300;

  /** @param late the last {@link #WINDOW} warm invocations, or {@code null} when there were fewer than two windows */
  private record Run(double coldMs, double firstInvocationMs, LatencyRecorder warm, LatencyRecorder late) {
  }

  private ColdStartBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--train")) {
      Path target = Path.of(args[1]);
      Variant variant = Variant.parse(args[2]);
      train(target, variant);
      return;
    }
    int rounds = Integer.parseInt(args[0]);
    int warmInvocations = Integer.parseInt(args[1]);
    Path target = Path.of(args[2]);
    List<Variant> variants = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      variants.add(Variant.parse(args[i]));
    }
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    variants.forEach(variant -> runs.put(variant.name(), new ArrayList<>()));
    for (int round = 1; round <= rounds; round++) {
      // Alternate the order as well, so that no variant always runs right after the same other one.
      List<Variant> order = new ArrayList<>(variants);
      if (round % 2 == 0) {
        java.util.Collections.reverse(order);
      }
      StringBuilder line = new StringBuilder("round " + round + ":");
      for (Variant variant : order) {
        Run run = run(target, variant, warmInvocations);
        runs.get(variant.name()).add(run);
        line.append(String.format(" %s cold %.0f ms first %.1f ms warm p50 %.0f us;", variant.name(), run.coldMs(),
            run.firstInvocationMs(), run.warm().percentileMicros(50)));
      }
      System.out.println(line);
    }
    System.out.println();
    boolean late = warmInvocations >= 2 * WINDOW;
    System.out.println("warm: the first " + Math.min(WINDOW, warmInvocations) + " warm invocations"
        + (late ? "; late: the last " + WINDOW + " of " + warmInvocations : ""));
    String lateHeadings = late ? String.format(" %12s %12s", "late p50 us", "late p99 us") : "";
    System.out.printf("%-24s %10s %10s %12s %12s %12s %12s%s%n", "variant", "cold p50", "cold min", "cold max",
        "first p50", "warm p50 us", "warm p99 us", lateHeadings);
    for (Map.Entry<String, List<Run>> entry : runs.entrySet()) {
      List<Run> list = entry.getValue();
      System.out.printf("%-24s %10.0f %10.0f %12.0f %12.1f %12.0f %12.0f%s%n", entry.getKey(),
          median(list.stream().map(Run::coldMs).toList()),
          list.stream().mapToDouble(Run::coldMs).min().orElse(0),
          list.stream().mapToDouble(Run::coldMs).max().orElse(0),
          median(list.stream().map(Run::firstInvocationMs).toList()),
          median(list.stream().map(run -> run.warm().percentileMicros(50)).toList()),
          median(list.stream().map(run -> run.warm().percentileMicros(99)).toList()),
          late ? String.format(" %12.0f %12.0f", lateMedian(list, 50), lateMedian(list, 99)) : "");
    }
    String baseline = variants.get(0).name();
    System.out.println();
    System.out.println("ratios of medians against " + baseline + ":");
    double baseCold = median(runs.get(baseline).stream().map(Run::coldMs).toList());
    double baseWarm = median(runs.get(baseline).stream().map(run -> run.warm().percentileMicros(50)).toList());
    double baseLate = late ? lateMedian(runs.get(baseline), 50) : 0;
    for (Map.Entry<String, List<Run>> entry : runs.entrySet()) {
      double cold = median(entry.getValue().stream().map(Run::coldMs).toList());
      double warm = median(entry.getValue().stream().map(run -> run.warm().percentileMicros(50)).toList());
      String lateDifference = late
          ? String.format(", late p50 %+.0f us", lateMedian(entry.getValue(), 50) - baseLate) : "";
      System.out.printf("%-24s cold %.2fx, warm p50 %+.0f us%s%n", entry.getKey(), cold / baseCold, warm - baseWarm,
          lateDifference);
    }
  }

  private static Run run(Path target, Variant variant, int warmInvocations) throws Exception {
    Path work = prepare(target, variant);
    try (StandInRuntimeApi runtime = new StandInRuntimeApi()) {
      long start = System.nanoTime();
      Process process = start(work, variant, runtime.address(), List.of());
      try {
        StandInRuntimeApi.Timing first = runtime.invoke(EVENT, 60);
        check(first, variant, work);
        double cold = (first.answered() - start) / 1e6;
        double firstInvocation = (first.answered() - first.handedOut()) / 1e6;
        LatencyRecorder warm = new LatencyRecorder();
        LatencyRecorder late = warmInvocations >= 2 * WINDOW ? new LatencyRecorder() : null;
        for (int i = 0; i < warmInvocations; i++) {
          StandInRuntimeApi.Timing timing = runtime.invoke(EVENT, 30);
          check(timing, variant, work);
          long nanos = timing.answered() - timing.handedOut();
          if (i < WINDOW) {
            warm.record(nanos);
          }
          if (late != null && i >= warmInvocations - WINDOW) {
            late.record(nanos);
          }
        }
        return new Run(cold, firstInvocation, warm, late);
      } finally {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Writes the variant's archive as a container image would: purista-lambda's {@code ClassDataTraining} run with
   * {@code -XX:ArchiveClassesAtExit}, the function's class path (the runtime client's jars, then the function
   * jar) and the same JVM flags; it initialises the handler and exits, with no runtime API involved.
   */
  private static void train(Path target, Variant variant) throws Exception {
    Path work = prepare(target, variant);
    Files.deleteIfExists(variant.archive());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.add("-XX:ArchiveClassesAtExit=" + variant.archive().toAbsolutePath());
    command.add("-cp");
    command.add(imageClassPath(work));
    command.add("dev.purista.lambda.ClassDataTraining");
    command.add(variant.handler());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(work.resolve("task").toFile())
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("training.log").toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(variant.archive())) {
      process.destroyForcibly();
      throw new IllegalStateException("no archive written; see " + work.resolve("training.log"));
    }
    System.out.printf("%s: %d bytes%n", variant.archive(), Files.size(variant.archive()));
  }

  /**
   * The class path of a container image with an archive: the runtime client's jars, then the function's, as
   * both the training run and the function must have it.
   */
  private static String imageClassPath(Path work) {
    return work.getParent().getParent().resolve("aws-runtime").toAbsolutePath() + "/*:"
        + work.resolve("task").resolve("lib").toAbsolutePath() + "/*";
  }

  private static void check(StandInRuntimeApi.Timing timing, Variant variant, Path work) throws Exception {
    if (timing.error() || !timing.body().contains("Hello Ada")) {
      throw new IllegalStateException(variant.name() + " answered " + timing.body() + "; log: "
          + Files.readString(work.resolve("function.log")));
    }
  }

  /** A task root with the function jar in {@code lib/}, and the client's native library beside it. */
  private static Path prepare(Path target, Variant variant) throws Exception {
    Path work = target.resolve("lambda-bench").resolve(variant.name());
    Path lib = Files.createDirectories(work.resolve("task").resolve("lib"));
    Files.copy(variant.jar(), lib.resolve("function.jar"), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.COPY_ATTRIBUTES);
    Path nativeLibrary = work.resolve("libaws-lambda-jni.so");
    if (!Files.exists(nativeLibrary)) {
      try (JarFile client = new JarFile(runtimeClient(target).toFile());
          InputStream library = client.getInputStream(client.getEntry("jni/libaws-lambda-jni.linux-x86_64.so"))) {
        Files.copy(library, nativeLibrary);
      }
    }
    return work;
  }

  private static Path runtimeClient(Path target) throws Exception {
    try (var files = Files.list(target.resolve("aws-runtime"))) {
      return files.filter(file -> file.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
          .findFirst().orElseThrow();
    }
  }

  private static Process start(Path work, Variant variant, String runtimeApi, List<String> extraFlags)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.addAll(extraFlags);
    // For finding where the time goes, such as -Xlog:class+load:file=classes.log:uptime; off in measurements.
    String diagnostics = System.getProperty("bench.jvmFlags", "").trim();
    if (!diagnostics.isEmpty()) {
      command.addAll(List.of(diagnostics.split(" +")));
    }
    command.add("-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI="
        + work.resolve("libaws-lambda-jni.so").toAbsolutePath());
    command.add("-cp");
    command.add(variant.archive() != null ? imageClassPath(work)
        : work.getParent().getParent().resolve("aws-runtime").toAbsolutePath() + "/*");
    command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
    command.add(variant.handler());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(work.resolve("task").toFile())
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("function.log").toFile());
    builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "bench");
    builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    if (variant.archive() != null) {
      builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:SharedArchiveFile=" + variant.archive().toAbsolutePath());
    }
    return builder.start();
  }

  /** The median over the runs of each run's late percentile. */
  private static double lateMedian(List<Run> runs, double percentile) {
    return median(runs.stream().map(run -> run.late().percentileMicros(percentile)).toList());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
