package dev.purista.benchmarks.inmemory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadWakeUpsTest {

  @Test
  void aThreadThatSleepsIsCountedUnderItsNameWithoutNumber() throws Exception {
    CountDownLatch counted = new CountDownLatch(1);
    CountDownLatch slept = new CountDownLatch(1);
    Thread sleeper = new Thread(() -> {
      for (int i = 0; i < 20; i++) {
        sleepQuietly();
      }
      slept.countDown();
      try {
        counted.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sleeper-42");
    sleeper.start();
    try {
      assertTrue(slept.await(10, TimeUnit.SECONDS));
      Map<String, Long> switches = ThreadWakeUps.voluntarySwitchesByThreadGroup();
      assertTrue(switches.getOrDefault("sleeper-N", 0L) >= 20, switches.toString());
    } finally {
      counted.countDown();
      sleeper.join();
    }
  }

  @Test
  void theReportNamesTheCallRateAndTheHandlerThreads() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ThreadWakeUps.measure(2_000, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(report.startsWith("2000 calls, "), report);
    // Handlers run on the service's named pool before JDK 21, on virtual threads (carried by a ForkJoinPool) after.
    String handlerThreads = Runtime.version().feature() < 21 ? "purista-user-v1" : "ForkJoinPool";
    assertTrue(report.contains(handlerThreads), report);
  }

  @Test
  void withVertxTheCallsGoToItsEventLoops() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ThreadWakeUps.measure(2_000, true, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(report.startsWith("2000 calls, "), report);
    // Linux keeps 15 characters of a thread's name: all of Vert.x's event loops count as one group.
    assertTrue(report.contains("vert.x-eventloo "), report);
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
