package dev.purista.benchmarks.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeerScoresTest {
  private static String line(double micros, long callsPerSecond) {
    return "{\"impl\":\"@purista/core 3.2.4 DefaultEventBridge (node v20)\",\"n\":50000,\"seq_us_per_call\":" + micros
        + ",\"concurrent64_calls_per_s\":" + callsPerSecond + "}";
  }

  @Test
  void runsBeforeAndAfterAreCombinedByTheirMedian() throws Exception {
    PeerScores peer = PeerScores.parse(List.of(line(90, 8000), "", line(100, 9000), line(300, 3000)));

    assertEquals(3, peer.runs().size());
    assertEquals(100, peer.medianMicrosPerCall());
    assertEquals(8000, peer.medianCallsPerSecond());
    assertEquals("@purista/core 3.2.4 DefaultEventBridge (node v20)", peer.impl());
  }

  @Test
  void twoRunsGiveTheirMean() throws Exception {
    PeerScores peer = PeerScores.parse(List.of(line(90, 8000), line(110, 9000)));

    assertEquals(100, peer.medianMicrosPerCall());
    assertEquals(8500, peer.medianCallsPerSecond());
  }

  @Test
  void aLineThatIsNotTheOriginalsOutputIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PeerScores.parse(List.of("{\"n\":1}")));
    assertThrows(IllegalArgumentException.class, () -> PeerScores.parse(List.of()));
  }
}
