package dev.purista.mqtt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HiveMQ CE finding of docs/bridges/mqtt.md (Broker crashes) without the bridge: plain clients only. A publisher
 * (bare HiveMQ client, clean session) publishes a numbered QoS 1 message every 10 ms; a subscriber on a persistent
 * session with the shared subscription {@code $share/g/probe/t} counts what it gets; the broker is killed (SIGKILL)
 * five times, each after 150 more publishes were acknowledged, and started again 0.3 s later on its files.
 *
 * <p>It prints what was lost, and passes when the subscriber got every acknowledged message. On HiveMQ CE 2025.5
 * it fails: after each restart, the subscriber gets only what was queued before the restart, and the messages
 * published after the restart only after the next one, so those published after the last restart are missing.
 * Properties choose the subscriber:
 * <ul>
 *   <li>default: the bare HiveMQ Java client, manual acknowledgement from another thread, callbacks on its I/O
 *       thread, as the bridge's durable subscriptions are set up;</li>
 *   <li>{@code -Dprobe.mosquittoSub=true}: {@code mosquitto_sub} (libmosquitto), a client of a different make;</li>
 *   <li>{@code -Dprobe.reconnect=true}: the Java client, disconnected and connected again 1 s after each restart;</li>
 *   <li>{@code -Dprobe.renew=true}: the Java client, subscribing again every second, as the bridge does now.</li>
 * </ul>
 *
 * <pre>{@code mvn -pl runtime-lib/mqtt test -Dtest=HiveMqSharedQueueReproduction \
 *     -Djunit.jupiter.conditions.deactivate=org.junit.*DisabledCondition [-Dprobe.mosquittoSub=true]}</pre>
 */
@Disabled("a reproduction of a broker defect, run on demand (docs/bridges/mqtt.md, Broker crashes)")
class HiveMqSharedQueueReproduction {
  @RegisterExtension
  static final BrokerExtension HIVEMQ = BrokerExtension.ownHiveMq();

  private static final String FILTER = "$share/g/probe/t";

  @Test
  void everyAcknowledgedMessageReachesTheSharedSubscriberAcrossKills() throws Exception {
    BrokerProcess broker = HIVEMQ.broker();
    Set<Integer> received = ConcurrentHashMap.newKeySet();
    ExecutorService ackers = Executors.newFixedThreadPool(2);
    Mqtt5AsyncClient subscriber = javaSubscriber(broker, received, ackers);
    Path mosquittoOutput = Files.createTempFile("probe-sub", ".txt");
    Process mosquittoSub = null;
    if (Boolean.getBoolean("probe.mosquittoSub")) {
      subscriber.disconnect().get(5, TimeUnit.SECONDS);
      mosquittoSub = new ProcessBuilder("mosquitto_sub", "-V", "5", "-h", "127.0.0.1", "-p",
          Integer.toString(broker.port()), "-c", "-i", "probe-sub-m", "-x", "86400", "-k", "10", "-q", "1", "-t",
          FILTER).redirectOutput(mosquittoOutput.toFile()).redirectErrorStream(true).start();
      Fixture.sleep(Duration.ofSeconds(2));
    }
    ScheduledRenewal renewal = Boolean.getBoolean("probe.renew") ? new ScheduledRenewal(subscriber) : null;

    Mqtt5AsyncClient publisher = MqttClient.builder().useMqttVersion5().identifier("probe-pub")
        .serverHost("127.0.0.1").serverPort(broker.port())
        .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS)
        .applyAutomaticReconnect().buildAsync();
    publisher.connectWith().cleanStart(true).keepAlive(10).send().get(60, TimeUnit.SECONDS);
    Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger published = new AtomicInteger();
    AtomicBoolean publishing = new AtomicBoolean(true);
    Thread emitter = new Thread(() -> {
      while (publishing.get()) {
        int number = published.getAndIncrement();
        publisher.publishWith().topic("probe/t").qos(MqttQos.AT_LEAST_ONCE).messageExpiryInterval(2_592_000)
            .payload(Integer.toString(number).getBytes(StandardCharsets.US_ASCII)).send()
            .whenComplete((result, failure) -> {
              if (failure == null) {
                acknowledged.add(number);
              }
            });
        Fixture.sleep(Duration.ofMillis(10));
      }
    });
    emitter.start();
    for (int kill = 1; kill <= 5; kill++) {
      int before = acknowledged.size();
      Fixture.awaitTrue(() -> acknowledged.size() >= before + 150, Duration.ofSeconds(90), "publishes before kill");
      broker.kill();
      readMosquittoOutput(mosquittoOutput, received);
      System.out.printf("kill %d: published %d, acknowledged %d, received %d%n", kill, published.get(),
          acknowledged.size(), received.size());
      Fixture.sleep(Duration.ofMillis(300));
      broker.startAgain();
      if (Boolean.getBoolean("probe.reconnect")) {
        Fixture.awaitTrue(() -> subscriber.getState() == MqttClientState.CONNECTED, Duration.ofSeconds(30),
            "subscriber back");
        Fixture.sleep(Duration.ofSeconds(1));
        subscriber.disconnect().get(10, TimeUnit.SECONDS);
        subscriber.connectWith().cleanStart(false).sessionExpiryInterval(86400).keepAlive(10).send()
            .get(30, TimeUnit.SECONDS);
      }
    }
    Fixture.sleep(Duration.ofSeconds(5));
    publishing.set(false);
    emitter.join();
    Fixture.sleep(Duration.ofSeconds(20));
    readMosquittoOutput(mosquittoOutput, received);
    Set<Integer> lost = new TreeSet<>(acknowledged);
    lost.removeAll(received);
    System.out.printf("subscriber %s: published %d, acknowledged %d, received %d, acknowledged and not received %d"
        + " %s%n", mosquittoSub != null ? "mosquitto_sub" : "HiveMQ Java client", published.get(),
        acknowledged.size(), received.size(), lost.size(), lost);
    if (renewal != null) {
      renewal.close();
    }
    if (mosquittoSub != null) {
      mosquittoSub.destroy();
    }
    publisher.disconnect();
    subscriber.disconnect();
    ackers.shutdown();
    Files.deleteIfExists(mosquittoOutput);
    assertTrue(lost.isEmpty(), "acknowledged and not received: " + lost.size());
  }

  private static Mqtt5AsyncClient javaSubscriber(BrokerProcess broker, Set<Integer> received, ExecutorService ackers)
      throws Exception {
    Mqtt5AsyncClient subscriber = MqttClient.builder().useMqttVersion5().identifier("probe-sub")
        .serverHost("127.0.0.1").serverPort(broker.port())
        .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(500, TimeUnit.MILLISECONDS)
        .applyAutomaticReconnect()
        .buildAsync();
    subscriber.publishes(MqttGlobalPublishFilter.ALL, publish -> {
      received.add(Integer.parseInt(new String(publish.getPayloadAsBytes(), StandardCharsets.US_ASCII)));
      ackers.execute(publish::acknowledge);
    }, Runnable::run, true);
    subscriber.connectWith().cleanStart(false).sessionExpiryInterval(86400).keepAlive(10).send()
        .get(60, TimeUnit.SECONDS);
    subscriber.subscribeWith().topicFilter(FILTER).qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
    return subscriber;
  }

  private static void readMosquittoOutput(Path file, Set<Integer> received) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        if (line.matches("[0-9]+")) {
          received.add(Integer.parseInt(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Subscribes the shared subscription again every second while connected. */
  private static final class ScheduledRenewal implements AutoCloseable {
    private final java.util.concurrent.ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor();

    ScheduledRenewal(Mqtt5AsyncClient subscriber) {
      timer.scheduleWithFixedDelay(() -> {
        if (subscriber.getState() == MqttClientState.CONNECTED) {
          subscriber.subscribeWith().topicFilter(FILTER).qos(MqttQos.AT_LEAST_ONCE).send();
        }
      }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }
}
