package dev.purista.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HiveMQ CE keeps sessions, shared subscriptions and queued messages in its file persistence, and a killed process
 * loses nothing the kernel already has: no acknowledged event may be lost.
 *
 * <p>Disabled because it fails in most runs, and the failure is the finding: after some kill and restart, the
 * bridge's resumed shared durable subscription receives nothing more, not even after the next restart, although the
 * broker acknowledged the events with success and hands them at once to a raw client that takes over the same
 * session. docs/bridges/mqtt.md has the evidence and the figures of each run. Enable it to reproduce.
 */
@Disabled("fails in most runs: after a SIGKILL and restart of HiveMQ CE the bridge's resumed shared durable "
    + "subscription can stop receiving for good (docs/bridges/mqtt.md, Broker crashes)")
class HiveMqCrashFaultTest extends BrokerCrashFaultTest {
  @RegisterExtension
  static final BrokerExtension HIVEMQ = BrokerExtension.ownHiveMq();

  @Override
  BrokerProcess broker() {
    return HIVEMQ.broker();
  }

  @Override
  int kills() {
    return 5;
  }

  @Override
  void assertLoss(Figures figures) {
    assertEquals(Set.of(), figures.lost(), "acknowledged events not handled");
  }
}
