package dev.purista.mqtt;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class an MQTT broker of the run's own: Mosquitto ({@link MosquittoBroker}), HiveMQ CE
 * ({@link HiveMqBroker}) or ActiveMQ Artemis ({@link ArtemisBroker}).
 * <ul>
 *   <li>{@code shared...()}: one broker of the kind for every class of the run that asks for it, killed when the
 *       run ends; tests keep apart by unique names.</li>
 *   <li>{@code own...()}: a broker of the class's own, for tests that stop, kill or restart it, killed after the
 *       class.</li>
 * </ul>
 *
 * <pre>{@code
 * @RegisterExtension static final BrokerExtension BROKER = BrokerExtension.sharedMosquitto();
 * }</pre>
 */
final class BrokerExtension implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrokerExtension.class);

  private final String sharedKey;
  private final Supplier<BrokerProcess> starter;
  private BrokerProcess broker;

  private BrokerExtension(String sharedKey, Supplier<BrokerProcess> starter) {
    this.sharedKey = sharedKey;
    this.starter = starter;
  }

  static BrokerExtension sharedMosquitto() {
    return new BrokerExtension("shared-mosquitto", () -> MosquittoBroker.start(false));
  }

  /** @param persistent keep sessions and queued messages across a restart ({@code persistence true}) */
  static BrokerExtension ownMosquitto(boolean persistent) {
    return new BrokerExtension(null, () -> MosquittoBroker.start(persistent));
  }

  static BrokerExtension sharedHiveMq() {
    return new BrokerExtension("shared-hivemq", HiveMqBroker::start);
  }

  /** HiveMQ keeps sessions and queued messages in files, across kills too. */
  static BrokerExtension ownHiveMq() {
    return new BrokerExtension(null, HiveMqBroker::start);
  }

  static BrokerExtension sharedArtemis() {
    return new BrokerExtension("shared-artemis", ArtemisBroker::start);
  }

  /** Artemis keeps sessions, subscriptions and queued messages in its journal, across kills too. */
  static BrokerExtension ownArtemis() {
    return new BrokerExtension(null, ArtemisBroker::start);
  }

  BrokerProcess broker() {
    if (broker == null) {
      throw new IllegalStateException("the broker starts before the test class");
    }
    return broker;
  }

  String url() {
    return broker().url();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (sharedKey != null) {
      // The root store closes its AutoCloseable values when the whole run ends.
      broker = context.getRoot().getStore(NAMESPACE)
          .getOrComputeIfAbsent(sharedKey, key -> starter.get(), BrokerProcess.class);
    } else {
      broker = starter.get();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (sharedKey == null && broker != null) {
      broker.close();
    }
  }
}
