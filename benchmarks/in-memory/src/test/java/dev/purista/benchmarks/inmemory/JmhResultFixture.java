package dev.purista.benchmarks.inmemory;

import java.util.Locale;

/** Builds JMH result JSON in the shape {@code -rf json} writes, with the fields the report reads. */
final class JmhResultFixture {
  private final StringBuilder json = new StringBuilder("[");

  JmhResultFixture result(String method, Boolean jsonRoundTrip, String unit, double... iterations) {
    return add("InMemoryInvokeBenchmark." + method,
        jsonRoundTrip == null ? "" : ",\"params\":{\"jsonRoundTrip\":\"" + jsonRoundTrip + "\"}", unit, iterations);
  }

  /** A result of {@link VertxEventBusBenchmark}, which has {@code validated} where ours have {@code jsonRoundTrip}. */
  JmhResultFixture vertx(String method, boolean validated, String unit, double... iterations) {
    return add("VertxEventBusBenchmark." + method, ",\"params\":{\"validated\":\"" + validated + "\"}", unit,
        iterations);
  }

  private JmhResultFixture add(String benchmark, String params, String unit, double... iterations) {
    if (json.length() > 1) {
      json.append(',');
    }
    StringBuilder raw = new StringBuilder();
    for (double iteration : iterations) {
      raw.append(raw.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%s", iteration));
    }
    json.append("{\"benchmark\":\"dev.purista.benchmarks.inmemory.").append(benchmark)
        .append("\",\"vmName\":\"OpenJDK 64-Bit Server VM\",\"vmVersion\":\"17.0.15+6\"")
        .append(params)
        .append(",\"primaryMetric\":{\"scoreUnit\":\"").append(unit).append("\",\"rawData\":[[").append(raw)
        .append("]]}}");
    return this;
  }

  String json() {
    return json + "]";
  }
}
