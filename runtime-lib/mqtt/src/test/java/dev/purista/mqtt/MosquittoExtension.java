package dev.purista.mqtt;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a Mosquitto broker ({@link MosquittoBroker}).
 * <ul>
 *   <li>{@link #shared()}: one broker for every class of the run that asks for it, killed when the run ends;
 *       tests keep apart by unique names.</li>
 *   <li>{@link #own(boolean)}: a broker of the class's own, for tests that stop or restart it, killed after the
 *       class.</li>
 * </ul>
 *
 * <pre>{@code
 * @RegisterExtension static final MosquittoExtension MOSQUITTO = MosquittoExtension.shared();
 * }</pre>
 */
final class MosquittoExtension implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MosquittoExtension.class);

  private final boolean shared;
  private final boolean persistent;
  private MosquittoBroker broker;

  private MosquittoExtension(boolean shared, boolean persistent) {
    this.shared = shared;
    this.persistent = persistent;
  }

  static MosquittoExtension shared() {
    return new MosquittoExtension(true, false);
  }

  /** @param persistent keep sessions and queued messages across a restart ({@code persistence true}) */
  static MosquittoExtension own(boolean persistent) {
    return new MosquittoExtension(false, persistent);
  }

  MosquittoBroker broker() {
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
    if (shared) {
      // The root store closes its AutoCloseable values when the whole run ends.
      broker = context.getRoot().getStore(NAMESPACE)
          .getOrComputeIfAbsent("shared-broker", key -> MosquittoBroker.start(false), MosquittoBroker.class);
    } else {
      broker = MosquittoBroker.start(persistent);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!shared && broker != null) {
      broker.close();
    }
  }
}
