package dev.purista.mqtt;

import org.junit.jupiter.api.extension.RegisterExtension;

/** HiveMQ CE: a renewal makes the broker look into the shared queue, and sends nothing twice. */
class HiveMqSharedRenewalTest extends SharedRenewalTest {
  @RegisterExtension
  static final BrokerExtension HIVEMQ = BrokerExtension.sharedHiveMq();

  @Override
  BrokerProcess broker() {
    return HIVEMQ.broker();
  }

  @Override
  boolean renewalRedelivers() {
    return false;
  }
}
