package dev.purista.benchmarks.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the tracing benchmark's body once per case, outside JMH: it answers, and with an SDK spans are exported. */
class TracingBenchmarkTest {
  @ParameterizedTest(name = "tracing={0}")
  @ValueSource(strings = {"off", "sdk"})
  void theInvokeAnswersWithTracingOffAndOn(String tracing) {
    TracingBenchmark benchmark = new TracingBenchmark();
    TracingBenchmark.Traced traced = new TracingBenchmark.Traced();
    traced.tracing = tracing;
    traced.start();
    InMemoryInvokeBenchmark.CallIds ids = new InMemoryInvokeBenchmark.CallIds();
    for (int i = 0; i < 100; i++) {
      assertEquals(new GetUserResult(Integer.toString(i), "n" + i), benchmark.invokeOneAtATime(traced, ids));
    }
    // Stopping flushes the SDK and fails when tracing was on but nothing was exported.
    traced.stop();
    assertTrue(tracing.equals("off") ? traced.exporter.exported.get() == 0 : traced.exporter.exported.get() >= 200,
        "spans exported: " + traced.exporter.exported.get());
  }
}
