package dev.purista.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a broker says about itself on {@code $SYS/broker/version} (Mosquitto publishes it retained; HiveMQ, EMQX
 * and others publish nothing there), and the warning for versions known to lose acknowledged events.
 *
 * <p>Mosquitto before 2.0.12 restores the shared subscriptions of persistent sessions from its persistence file
 * in a state that routes nothing to them until their client subscribes again (fixed in 2.0.12: "Fix $share
 * subscriptions not being recovered for durable clients that reconnect"). The bridge subscribes again on every
 * reconnect and holds back events the broker could not route, but an event that also matches some other
 * subscription is acknowledged as routed and still lost for the shared one.
 */
public final class BrokerVersion {
  public static final String TOPIC = "$SYS/broker/version";
  private static final Pattern MOSQUITTO = Pattern.compile("mosquitto version (\\d+)\\.(\\d+)\\.(\\d+)");

  private BrokerVersion() {
  }

  /**
   * Reads the broker's version announcement on {@code connection}, waiting at most {@code wait} for it; empty
   * when the broker announces none.
   */
  public static CompletableFuture<Optional<String>> read(MqttConnection connection, Duration wait) {
    CompletableFuture<Optional<String>> version = new CompletableFuture<>();
    connection.subscribeLater(TOPIC, 0,
            publish -> version.complete(Optional.of(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8))))
        .whenComplete((subscribed, refused) -> {
          if (refused != null) {
            version.complete(Optional.empty());
          }
        });
    return version.completeOnTimeout(Optional.empty(), wait.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((read, ignored) -> connection.dropSubscription(TOPIC));
  }

  /** The warning for a broker that announced itself as {@code announced}; empty when none applies. */
  public static Optional<String> warningFor(String announced) {
    Matcher mosquitto = MOSQUITTO.matcher(announced.trim());
    if (!mosquitto.matches()) {
      return Optional.empty();
    }
    int major = Integer.parseInt(mosquitto.group(1));
    int minor = Integer.parseInt(mosquitto.group(2));
    int patch = Integer.parseInt(mosquitto.group(3));
    boolean affected = major == 2 && minor == 0 && patch < 12;
    if (!affected) {
      return Optional.empty();
    }
    return Optional.of("The MQTT broker is " + announced.trim() + ". Mosquitto before 2.0.12 does not route events "
        + "to the shared subscriptions of persistent sessions it restored after a restart until their clients "
        + "subscribe again, and acknowledges and drops what it cannot route meanwhile. The bridge holds such events "
        + "back for restartHold after it reconnects, but an event that also matches another subscription is lost "
        + "for the shared one. Upgrade the broker to Mosquitto 2.0.12 or later.");
  }
}
