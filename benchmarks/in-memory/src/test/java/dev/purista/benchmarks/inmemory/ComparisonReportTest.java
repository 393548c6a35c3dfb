package dev.purista.benchmarks.inmemory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {
  private static String report(JmhResultFixture ours, String... peerLines) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ComparisonReport(JmhScores.parse(new ObjectMapper().readTree(ours.json())),
        PeerScores.parse(List.of(peerLines))).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String peer(double micros, long callsPerSecond) {
    return "{\"impl\":\"original\",\"seq_us_per_call\":" + micros + ",\"concurrent64_calls_per_s\":"
        + callsPerSecond + "}";
  }

  @Test
  void ratiosAreTakenAgainstTheDirectCallAndTheOriginal() throws Exception {
    String report = report(new JmhResultFixture()
        .result("directCall", null, "ns/op", 20)
        .result("invokeOneAtATime", false, "us/op", 4)
        .result("invoke64Futures", false, "ops/s", 2_000_000), peer(100, 10_000));

    assertTrue(report.contains("| `PuristaClient.invoke`, objects | 4 (4–4) | 200× | 25× | met |"), report);
    assertTrue(report.contains("| 64 futures on `EventBridge.invoke`, objects | 2,000,000 (2,000,000–2,000,000) "
        + "| 200× | met |"), report);
    assertTrue(report.contains("| original (median of runs) | 100 | 5,000× | 1 | |"), report);
  }

  @Test
  void theHandOffTableAppearsOnlyWhenItsBenchmarksRan() throws Exception {
    JmhResultFixture main = new JmhResultFixture()
        .result("directCall", null, "ns/op", 20)
        .result("invokeOneAtATime", false, "us/op", 30);
    assertFalse(report(main, peer(100, 10_000)).contains("where one call at a time goes"));

    String report = report(main
        .result("invokeOnCallerThread", null, "us/op", 1.5)
        .result("threadPoolRoundTrip", null, "us/op", 25), peer(100, 10_000));

    assertTrue(report.contains("| the same, pipeline on the caller's thread (no hand-off) | 1.5 (1.5–1.5) |"), report);
    assertTrue(report.contains("| an empty task to a 64-thread `ThreadPoolExecutor` and back | 25 (25–25) |"), report);
  }

  @Test
  void anAimJustMissedIsReportedAsNotMet() throws Exception {
    String report = report(new JmhResultFixture()
        .result("directCall", null, "ns/op", 20)
        .result("invokeOneAtATime", true, "us/op", 5.1)
        .result("invoke64Callers", true, "ops/s", 999_000), peer(100, 10_000));

    assertTrue(report.contains("| `PuristaClient.invoke`, JSON round trip | 5.1 (5.1–5.1) | 255× | 19.6× "
        + "| **not met** |"), report);
    assertTrue(report.contains("| 64 threads on `PuristaClient.invoke`, JSON round trip | 999,000 (999,000–999,000) "
        + "| 99.9× | **not met** |"), report);
  }

  @Test
  void vertxRowsComeAsTablesOfTheirOwnWithRatiosToOurs() throws Exception {
    String report = report(new JmhResultFixture()
        .result("directCall", null, "ns/op", 20)
        .result("invokeOneAtATime", false, "us/op", 2)
        .result("invoke64Futures", false, "ops/s", 1_000_000)
        .vertx("oneAtATime", false, "us/op", 20, 18, 30)
        .vertx("oneAtATime", true, "us/op", 25)
        .vertx("inFlight64", false, "ops/s", 500_000)
        .vertx("inFlight64", true, "ops/s", 250_000), peer(100, 10_000));

    assertTrue(report.contains("| ours: `PuristaClient.invoke`, objects, validation on | 2 (2–2) | 1 |"), report);
    assertTrue(report.contains("| Vert.x `request`, local codec, the same 3 validations | 25 (25–25) | 12.5× |"),
        report);
    assertTrue(report.contains("| Vert.x `request`, local codec, no validation | 20 (18–30) | 10× |"), report);
    assertTrue(report.contains("| ours: 64 futures on `EventBridge.invoke`, objects, validation on "
        + "| 1,000,000 (1,000,000–1,000,000) | 1 |"), report);
    assertTrue(report.contains("| Vert.x, 64 requests in flight, the same 3 validations | 250,000 (250,000–250,000) "
        + "| 4× |"), report);
    assertTrue(report.contains("| Vert.x, 64 requests in flight, no validation | 500,000 (500,000–500,000) | 2× |"),
        report);
  }

  @Test
  void aRunWithoutVertxReadsAsBefore() throws Exception {
    JmhResultFixture ours = new JmhResultFixture()
        .result("directCall", null, "ns/op", 20)
        .result("invokeOneAtATime", false, "us/op", 2)
        .result("invoke64Futures", false, "ops/s", 1_000_000);
    String without = report(ours, peer(100, 10_000));

    assertFalse(without.contains("Vert.x"), without);
    String with = report(ours.vertx("oneAtATime", true, "us/op", 25), peer(100, 10_000));
    assertTrue(with.startsWith(without), with);
    assertFalse(with.contains("beside Vert.x, 64 calls in flight"), with);
  }
}
