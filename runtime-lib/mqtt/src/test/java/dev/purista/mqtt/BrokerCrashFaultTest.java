package dev.purista.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crash fault test: the broker is killed with SIGKILL, again and again, while a publisher keeps emitting
 * durable events through every outage, and a subscriber in a process of its own ({@link CrashTestSubscriber}) on
 * a shared durable subscription records every event it handles. Afterwards every event whose {@code emit}
 * completed (the broker acknowledged it) is looked for among the handled ones, whether it was acknowledged before
 * a crash, during the reconnect, or after the subscriber was back.
 *
 * <p>Each broker's subclass says what it must show: {@link #assertLoss}. The figures are printed for
 * docs/bridges/mqtt.md.
 */
abstract class BrokerCrashFaultTest {
  private static final Duration EMIT_PERIOD = Duration.ofMillis(10);
  private static final int EVENTS_BETWEEN_KILLS = 150;
  private static final Duration DOWN_FOR = Duration.ofMillis(300);
  private static final Duration AFTER_LAST_RESTART = Duration.ofSeconds(2);
  private static final Duration DRAIN = Duration.ofSeconds(60);
  private static final Duration QUIET = Duration.ofMillis(1500);

  /** The broker of the subclass: started with persistence, killed and started again here. */
  abstract BrokerProcess broker();

  abstract int kills();

  /** What the subclass's broker must show about the events it acknowledged and the subscriber did not handle. */
  abstract void assertLoss(Figures figures);

  /** Settings ({@code PURISTA_MQTT_*}) the subclass's broker wants on the subscriber; none by default. */
  Map<String, String> subscriberEnvironment() {
    return Map.of();
  }

  /** What one run counted. {@code atRisk}: acknowledged but not yet handled at the moment of a kill. */
  record Figures(String broker, int kills, int emitted, Set<Integer> acknowledged, int failed,
      Map<Integer, Integer> handled, Set<Integer> atRisk, Map<Integer, Long> emittedAt,
      Map<Integer, Long> acknowledgedAt) {
    Set<Integer> lost() {
      Set<Integer> lost = new TreeSet<>(acknowledged);
      lost.removeAll(handled.keySet());
      return lost;
    }

    Set<Integer> lostOutsideRisk() {
      Set<Integer> outside = lost();
      outside.removeAll(atRisk);
      return outside;
    }

    int duplicates() {
      return handled.values().stream().mapToInt(count -> count - 1).sum();
    }

    String describe() {
      return String.format("MQTT crash fault test on %s, shared durable subscription in another process, broker "
              + "killed (SIGKILL) %d times: events emitted %d, acknowledged %d, emits failed %d, handled %d "
              + "distinct, duplicates %d, acknowledged but not handled %d %s, of them not in the broker's memory "
              + "at a kill %d (acknowledged but not yet handled at a kill: %d)",
          broker, kills, emitted, acknowledged.size(), failed, handled.size(), duplicates(), lost().size(),
          abbreviate(lost()), lostOutsideRisk().size(), atRisk.size());
    }

    /**
     * When each lost event was emitted and acknowledged, in ms since the run started (as the kill and restart
     * lines are), so that a loss can be placed against the broker's outages; at most {@code limit} of them.
     */
    String whenLost(int limit) {
      StringBuilder text = new StringBuilder();
      lost().stream().limit(limit).forEach(number -> text.append(String.format("#%d emitted at %d ms, acknowledged "
          + "at %d ms%n", number, emittedAt.get(number), acknowledgedAt.get(number))));
      return text.toString();
    }

    /** Consecutive numbers as ranges, so that a run of lost events reads as one. */
    private static String abbreviate(Set<Integer> numbers) {
      StringBuilder text = new StringBuilder("[");
      Integer first = null;
      Integer last = null;
      for (int number : numbers) {
        if (last != null && number == last + 1) {
          last = number;
          continue;
        }
        appendRange(text, first, last);
        first = number;
        last = number;
      }
      appendRange(text, first, last);
      return text.append(']').toString();
    }

    private static void appendRange(StringBuilder text, Integer first, Integer last) {
      if (first == null) {
        return;
      }
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(first);
      if (!first.equals(last)) {
        text.append('-').append(last);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void everyAcknowledgedEventIsHandledAcrossBrokerKills() throws Exception {
    Path handledFile = Files.createTempFile("purista-crash-handled", ".txt");
    String event = "tick." + MessageIds.newId().substring(0, 10);
    Process subscriber = startSubscriber(handledFile, event);
    Fixture fixture = new Fixture(broker());
    try {
      MqttBridge publisher = fixture.bridge();
      Figures figures = run(publisher, event, handledFile);
      System.out.println(figures.describe());
      System.out.print(figures.whenLost(60));
      System.out.println(broker().name() + " log: " + broker().logLinesContaining("message was dropped")
          + " lines on dropped messages; its end:\n" + broker().logTail());
      assertTrue(figures.acknowledged().size() >= kills() * EVENTS_BETWEEN_KILLS, "events flowed between kills");
      assertLoss(figures);
    } finally {
      fixture.close();
      subscriber.getOutputStream().close();
      if (!subscriber.waitFor(5, TimeUnit.SECONDS)) {
        subscriber.destroyForcibly();
      }
      Files.deleteIfExists(handledFile);
    }
  }

  private Figures run(MqttBridge publisher, String event, Path handledFile) throws Exception {
    Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger unclearFailures = new AtomicInteger();
    Map<String, Integer> failureCauses = new ConcurrentHashMap<>();
    AtomicInteger emitted = new AtomicInteger();
    AtomicBoolean emitting = new AtomicBoolean(true);
    List<CompletableFuture<Void>> emits = new ArrayList<>();
    Map<Integer, Long> emittedAt = new ConcurrentHashMap<>();
    Map<Integer, Long> acknowledgedAt = new ConcurrentHashMap<>();
    long started = System.nanoTime();
    // The broker's log has wall-clock times; this line maps the run's milliseconds onto them.
    System.out.println("run started at " + LocalTime.now() + " (the ms figures below count from here)");
    MessageAddress sender = MessageAddress.of("crashPublisher", "1", "emit");
    Thread emitter = new Thread(() -> {
      while (emitting.get()) {
        int sequence = emitted.getAndIncrement();
        emittedAt.put(sequence, (System.nanoTime() - started) / 1_000_000);
        Message tick = Message.builder(MessageType.CUSTOM_MESSAGE).sender(sender).eventName(event)
            .traceId(MessageIds.newId()).payload(new CrashTestSubscriber.Tick(sequence)).build();
        CompletableFuture<Void> emit = publisher.emit(tick).whenComplete((ok, failure) -> {
          if (failure == null) {
            acknowledgedAt.put(sequence, (System.nanoTime() - started) / 1_000_000);
            acknowledged.add(sequence);
          } else {
            failed.incrementAndGet();
            failureCauses.merge(rootCause(failure), 1, Integer::sum);
            if (!isBridgeFailure(failure)) {
              unclearFailures.incrementAndGet();
            }
          }
        });
        synchronized (emits) {
          emits.add(emit);
        }
        Fixture.sleep(EMIT_PERIOD);
      }
    }, "crash-test-emitter");
    emitter.start();

    Set<Integer> atRisk = new TreeSet<>();
    for (int kill = 0; kill < kills(); kill++) {
      int before = acknowledged.size();
      Fixture.awaitTrue(() -> acknowledged.size() >= before + EVENTS_BETWEEN_KILLS, Duration.ofSeconds(60),
          "events acknowledged before kill " + (kill + 1));
      broker().kill();
      System.out.printf("kill %d at %d ms, events emitted so far %d%n", kill + 1,
          (System.nanoTime() - started) / 1_000_000, emitted.get());
      Set<Integer> inBroker = new TreeSet<>(acknowledged);
      inBroker.removeAll(readHandled(handledFile).keySet());
      atRisk.addAll(inBroker);
      Fixture.sleep(DOWN_FOR);
      broker().startAgain();
      System.out.printf("broker back at %d ms, events emitted so far %d%n", (System.nanoTime() - started) / 1_000_000,
          emitted.get());
    }
    Fixture.sleep(AFTER_LAST_RESTART);
    emitting.set(false);
    emitter.join();
    List<CompletableFuture<Void>> all;
    synchronized (emits) {
      all = new ArrayList<>(emits);
    }
    // Every emit completes, one way or the other, within this wait (it throws otherwise): none hangs its caller.
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((ok, failure) -> null)
        .get(60, TimeUnit.SECONDS);

    // Waits for every acknowledged event the broker did not hold in memory at a kill; then for the others, as long
    // as events keep coming (on a broker that lost them they never will).
    Set<Integer> expected = new TreeSet<>(acknowledged);
    expected.removeAll(atRisk);
    long deadline = System.nanoTime() + DRAIN.toNanos();
    Map<Integer, Integer> handled = readHandled(handledFile);
    while (!handled.keySet().containsAll(expected) && System.nanoTime() < deadline) {
      Fixture.sleep(Duration.ofMillis(200));
      handled = readHandled(handledFile);
    }
    int lines = -1;
    while (!handled.keySet().containsAll(acknowledged) && lines != count(handled)
        && System.nanoTime() < deadline) {
      lines = count(handled);
      Fixture.sleep(QUIET);
      handled = readHandled(handledFile);
    }
    // Duplicates and stragglers arrive a little later; counting too early would flatter the figures.
    Fixture.sleep(Duration.ofMillis(500));
    System.out.println("why emits failed: " + new TreeMap<>(failureCauses));
    // An emit that fails says so with a 503 BRIDGE_FAILURE, the one status the bridges give for a broker that
    // cannot take the event; a caller can then retry.
    assertEquals(0, unclearFailures.get(), "emits that failed otherwise than with 503 BRIDGE_FAILURE");
    return new Figures(broker().name(), kills(), emitted.get(), acknowledged, failed.get(), readHandled(handledFile),
        atRisk, emittedAt, acknowledgedAt);
  }

  private Process startSubscriber(Path handledFile, String event) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String id = MessageIds.newId().substring(0, 8);
    ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-cp", System.getProperty("java.class.path"),
        CrashTestSubscriber.class.getName(), broker().url(), "crash-subscriber-" + id, "crashConsumer" + id, event,
        handledFile.toString())
        .redirectErrorStream(true);
    builder.environment().putAll(subscriberEnvironment());
    Process process = builder.start();
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          if (line.contains(CrashTestSubscriber.READY)) {
            ready.complete(true);
          } else if (line.contains("WARN") || line.contains("ERROR") || line.contains("Exception")
              || line.contains(" is back") || line.contains("resumed")) {
            System.out.println("[subscriber] " + line);
          }
        }
      } catch (IOException e) {
        // The process ended.
      }
      ready.complete(false);
    }, "crash-subscriber-output");
    reader.setDaemon(true);
    reader.start();
    boolean started;
    try {
      started = ready.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      started = false;
    }
    if (!started) {
      process.destroyForcibly();
      throw new IllegalStateException("the subscriber process did not start");
    }
    return process;
  }

  private static boolean isBridgeFailure(Throwable failure) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause instanceof HandledError error && error.status() == StatusCode.SERVICE_UNAVAILABLE
        && error.reason() == FailureReason.BRIDGE_FAILURE;
  }

  /** The innermost cause, where the client library says what went wrong. */
  private static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static int count(Map<Integer, Integer> handled) {
    return handled.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** How often each number was handled, from the subscriber's file. */
  private static Map<Integer, Integer> readHandled(Path file) throws IOException {
    Map<Integer, Integer> handled = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
      if (!line.isBlank()) {
        handled.merge(Integer.parseInt(line.trim()), 1, Integer::sum);
      }
    }
    return handled;
  }
}
