package dev.purista.benchmarks.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JmhScoresTest {
  private static JmhScores parse(JmhResultFixture fixture) throws Exception {
    return JmhScores.parse(new ObjectMapper().readTree(fixture.json()));
  }

  @Test
  void theScoreIsTheMedianOfTheIterationsNotTheMean() throws Exception {
    JmhScores scores = parse(new JmhResultFixture()
        .result("invokeOneAtATime", false, "us/op", 30, 10, 12, 11, 500));

    JmhScores.Score score = scores.find("invokeOneAtATime", false).orElseThrow();
    assertEquals(12, score.median());
    assertEquals(10, score.min());
    assertEquals(500, score.max());
  }

  @Test
  void anEvenNumberOfIterationsTakesTheMiddlePair() throws Exception {
    JmhScores scores = parse(new JmhResultFixture().result("directCall", null, "ns/op", 4, 1, 3, 2));

    assertEquals(2.5, scores.find("directCall", false).orElseThrow().median());
  }

  @Test
  void unitsAreConvertedToMicrosecondsPerCallAndCallsPerSecond() throws Exception {
    JmhScores scores = parse(new JmhResultFixture()
        .result("directCall", null, "ns/op", 250)
        .result("invokeOneAtATime", true, "ms/op", 0.02)
        .result("invoke64Futures", false, "ops/ms", 900)
        .result("invoke64Callers", false, "ops/s", 1200));

    assertEquals(0.25, scores.find("directCall", true).orElseThrow().microsPerCall(), 1e-9);
    assertEquals(20, scores.find("invokeOneAtATime", true).orElseThrow().microsPerCall(), 1e-9);
    assertEquals(900_000, scores.find("invoke64Futures", false).orElseThrow().callsPerSecond(), 1e-6);
    assertEquals(1200, scores.find("invoke64Callers", false).orElseThrow().callsPerSecond(), 1e-9);
    assertThrows(IllegalStateException.class,
        () -> scores.find("directCall", false).orElseThrow().callsPerSecond());
  }

  @Test
  void theBridgeParameterSelectsTheScore() throws Exception {
    JmhScores scores = parse(new JmhResultFixture()
        .result("invokeOneAtATime", false, "us/op", 20)
        .result("invokeOneAtATime", true, "us/op", 40));

    assertEquals(20, scores.find("invokeOneAtATime", false).orElseThrow().median());
    assertEquals(40, scores.find("invokeOneAtATime", true).orElseThrow().median());
    assertEquals(Optional.empty(), scores.find("invoke64Futures", true));
    assertTrue(scores.jvm().contains("17.0.15"), scores.jvm());
  }

  @Test
  void vertxsValidatedParameterSelectsItsScoreAndOursIgnoreIt() throws Exception {
    JmhScores scores = parse(new JmhResultFixture()
        .result("invokeOneAtATime", false, "us/op", 2)
        .vertx("oneAtATime", false, "us/op", 20)
        .vertx("oneAtATime", true, "us/op", 25));

    assertEquals(20, scores.find("oneAtATime", "validated", false).orElseThrow().median());
    assertEquals(25, scores.find("oneAtATime", "validated", true).orElseThrow().median());
    assertEquals(2, scores.find("invokeOneAtATime", "validated", true).orElseThrow().median());
    assertEquals("true", scores.find("oneAtATime", "validated", true).orElseThrow().params().get("validated"));
  }
}
