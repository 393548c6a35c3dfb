package dev.purista.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.MessageAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ServiceOptions#idleSpin()}: the hand-off thread that serves calls made one at a time, and its switch. */
class IdleSpinTest {
  record Empty() {
  }

  record ThreadName(String name) {
  }

  private static final MessageAddress WHO_RUNS = MessageAddress.of("spin", "1", "whoRuns");

  private final DefaultEventBridge bridge = new DefaultEventBridge();
  private Service service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.stop(Duration.ofSeconds(1));
    }
    bridge.stop();
  }

  private Set<String> threadsOfSequentialCalls(ServiceOptions options) {
    bridge.start();
    service = ServiceDefinition.builder("spin", "1")
        .command(CommandDefinition.builder("whoRuns", Empty.class, Empty.class, ThreadName.class)
            .handler((ctx, payload, parameter) -> new ThreadName(Thread.currentThread().getName()))
            .build())
        .build()
        .getInstance(bridge, options);
    service.start();
    PuristaClient client = PuristaClient.of(bridge, "test");
    Set<String> threads = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      threads.add(client.invoke(WHO_RUNS, Map.of(), Map.of(), ThreadName.class).name());
    }
    return threads;
  }

  @Test
  void byDefaultCallsMadeOneAtATimeRunOnTheHandOffThread() {
    Set<String> threads = threadsOfSequentialCalls(ServiceOptions.defaults());

    assertTrue(threads.contains("purista-spin-v1-hand-off"), "hand-off thread served calls: " + threads);
  }

  @Test
  void zeroTurnsTheHandOffThreadOff() {
    Set<String> threads = threadsOfSequentialCalls(ServiceOptions.configure(o -> o.idleSpin(Duration.ZERO)));

    assertFalse(threads.contains("purista-spin-v1-hand-off"), "no hand-off thread: " + threads);
    assertFalse(threads.isEmpty());
  }

  @Test
  void theSpinIsBoundedSoThatAMistakeCannotBurnACore() {
    assertEquals(ServiceOptions.DEFAULT_IDLE_SPIN, ServiceOptions.defaults().idleSpin());
    assertThrows(IllegalArgumentException.class, () -> ServiceOptions.builder().idleSpin(Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> ServiceOptions.builder().idleSpin(Duration.ofNanos(-1)));
    assertThrows(NullPointerException.class, () -> ServiceOptions.builder().idleSpin(null));
    assertEquals(Duration.ofMillis(10), ServiceOptions.builder().idleSpin(Duration.ofMillis(10)).build().idleSpin());
  }
}
