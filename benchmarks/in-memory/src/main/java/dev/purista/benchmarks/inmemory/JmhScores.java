package dev.purista.benchmarks.inmemory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The scores of one JMH run, read from its JSON result file ({@code -rf json}). Each score is the median over
 * the measurement iterations, which one disturbed iteration on a shared machine moves less than the mean, and
 * is converted to the two units the comparison uses: microseconds per call and calls per second.
 */
public final class JmhScores {
  /**
   * One benchmark with one parameter set: {@code jsonRoundTrip} for ours, {@code validated} for Vert.x's; empty
   * for benchmarks without parameters.
   */
  public record Score(String benchmark, Map<String, String> params, double median, double min, double max,
      String unit) {

    public Score {
      params = Map.copyOf(params);
    }

    /** The median as microseconds per call; only for time-per-operation scores. */
    public double microsPerCall() {
      return switch (unit) {
        case "ns/op" -> median / 1_000;
        case "us/op" -> median;
        case "ms/op" -> median * 1_000;
        case "s/op" -> median * 1_000_000;
        default -> throw new IllegalStateException(benchmark + " is not a time per call: " + unit);
      };
    }

    /** The median as calls per second; only for throughput scores. */
    public double callsPerSecond() {
      return switch (unit) {
        case "ops/s" -> median;
        case "ops/ms" -> median * 1_000;
        case "ops/us" -> median * 1_000_000;
        default -> throw new IllegalStateException(benchmark + " is not a throughput: " + unit);
      };
    }
  }

  private final List<Score> scores;
  private final String jvm;

  private JmhScores(List<Score> scores, String jvm) {
    this.scores = List.copyOf(scores);
    this.jvm = jvm;
  }

  public static JmhScores read(Path jsonFile) throws IOException {
    return parse(new ObjectMapper().readTree(jsonFile.toFile()));
  }

  static JmhScores parse(JsonNode results) {
    List<Score> scores = new ArrayList<>();
    String jvm = "";
    for (JsonNode result : results) {
      String benchmark = result.path("benchmark").asText();
      benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      Map<String, String> params = new TreeMap<>();
      result.path("params").properties().forEach(param -> params.put(param.getKey(), param.getValue().asText()));
      JsonNode metric = result.path("primaryMetric");
      List<Double> iterations = new ArrayList<>();
      for (JsonNode fork : metric.path("rawData")) {
        fork.forEach(iteration -> iterations.add(iteration.asDouble()));
      }
      if (iterations.isEmpty()) {
        throw new IllegalArgumentException("no measurement iterations for " + benchmark);
      }
      iterations.sort(Double::compare);
      scores.add(new Score(benchmark, params, median(iterations), iterations.get(0),
          iterations.get(iterations.size() - 1), metric.path("scoreUnit").asText()));
      jvm = result.path("vmName").asText() + " " + result.path("vmVersion").asText();
    }
    return new JmhScores(scores, jvm);
  }

  private static double median(List<Double> sorted) {
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** The score of {@code benchmark}; {@code jsonRoundTrip} is ignored for benchmarks that have no bridge. */
  public Optional<Score> find(String benchmark, boolean jsonRoundTrip) {
    return find(benchmark, "jsonRoundTrip", jsonRoundTrip);
  }

  /**
   * The score of {@code benchmark} run with the boolean parameter {@code param} set to {@code value}; the
   * parameter is ignored for benchmarks that do not have it.
   */
  public Optional<Score> find(String benchmark, String param, boolean value) {
    return scores.stream()
        .filter(s -> s.benchmark().equals(benchmark))
        .filter(s -> !s.params().containsKey(param) || Boolean.parseBoolean(s.params().get(param)) == value)
        .findFirst();
  }

  public List<Score> all() {
    return scores;
  }

  /** The JVM that ran the benchmarks, as JMH recorded it. */
  public String jvm() {
    return jvm;
  }
}
