package dev.purista.benchmarks.inmemory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The original's figures from its peer benchmark, one JSON line per run
 * ({@code {"impl":..., "seq_us_per_call":..., "concurrent64_calls_per_s":...}}). Runs made right before and
 * right after the JMH run are combined by their median, so the comparison uses the machine's state of that
 * session and not a figure remembered from another day.
 */
public final class PeerScores {
  /** One run of the original's benchmark. */
  public record Run(String impl, double microsPerCall, double callsPerSecond) {
  }

  private final List<Run> runs;

  private PeerScores(List<Run> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs of the original's benchmark");
    }
    this.runs = List.copyOf(runs);
  }

  /** Reads every non-blank line of every file; each must be one run's JSON output. */
  public static PeerScores read(List<Path> files) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path file : files) {
      lines.addAll(Files.readAllLines(file));
    }
    return parse(lines);
  }

  static PeerScores parse(List<String> lines) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Run> runs = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode run = mapper.readTree(line);
      if (!run.has("seq_us_per_call") || !run.has("concurrent64_calls_per_s")) {
        throw new IllegalArgumentException("not a line of the original's benchmark: " + line);
      }
      runs.add(new Run(run.path("impl").asText(), run.path("seq_us_per_call").asDouble(),
          run.path("concurrent64_calls_per_s").asDouble()));
    }
    return new PeerScores(runs);
  }

  public List<Run> runs() {
    return runs;
  }

  public String impl() {
    return runs.get(0).impl();
  }

  public double medianMicrosPerCall() {
    return median(runs.stream().mapToDouble(Run::microsPerCall).sorted().toArray());
  }

  public double medianCallsPerSecond() {
    return median(runs.stream().mapToDouble(Run::callsPerSecond).sorted().toArray());
  }

  private static double median(double[] sorted) {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
