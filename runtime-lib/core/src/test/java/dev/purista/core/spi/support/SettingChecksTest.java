package dev.purista.core.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shared checks of bridge settings: each refusal names the setting and the values it takes. */
class SettingChecksTest {

  @Test
  void wholeSecondsRefuseWhatTheProtocolWouldCut() {
    assertEquals(Duration.ofSeconds(30), SettingChecks.wholeSeconds(Duration.ofSeconds(30), "keepAlive", 1, 65_535,
        null));
    assertEquals(Duration.ZERO, SettingChecks.wholeSeconds(Duration.ZERO, "heartbeat", 1, 65_535, "turns it off"));

    assertEquals("keepAlive is sent in whole seconds and must be whole seconds from 1s to 65535s: 500ms, which "
        + "would be cut to 0s", assertThrows(IllegalArgumentException.class,
            () -> SettingChecks.wholeSeconds(Duration.ofMillis(500), "keepAlive", 1, 65_535, null)).getMessage());
    assertEquals("heartbeat is sent in whole seconds and must be 0 (turns it off) or whole seconds from 1s to "
        + "65535s: 1500ms, which would be cut to 1s", assertThrows(IllegalArgumentException.class,
            () -> SettingChecks.wholeSeconds(Duration.ofMillis(1500), "heartbeat", 1, 65_535, "turns it off"))
        .getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SettingChecks.wholeSeconds(Duration.ZERO, "keepAlive", 1, 65_535, null));
    assertThrows(IllegalArgumentException.class,
        () -> SettingChecks.wholeSeconds(Duration.ofSeconds(65_536), "keepAlive", 1, 65_535, null));
  }

  @Test
  void durationsCountedInMillisecondsTakeAtLeastOne() {
    assertEquals("connectTimeout must be at least 1ms: PT0.0005S", assertThrows(IllegalArgumentException.class,
        () -> SettingChecks.positive(Duration.ofNanos(500_000), "connectTimeout")).getMessage());
    assertEquals("stopTimeout must be 0 or at least 1ms: PT-1S",
        assertThrows(IllegalArgumentException.class,
            () -> SettingChecks.notNegative(Duration.ofSeconds(-1), "stopTimeout")).getMessage());
    assertEquals(Duration.ZERO, SettingChecks.notNegative(Duration.ZERO, "retryDelay"));
  }

  @Test
  void portsAreOneTo65535() {
    assertEquals(1, SettingChecks.port(1, "port"));
    assertEquals("port must be from 1 to 65535: 70000", assertThrows(IllegalArgumentException.class,
        () -> SettingChecks.port(70_000, "port")).getMessage());
  }
}
