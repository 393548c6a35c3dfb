package dev.purista.mqtt;

import org.junit.jupiter.api.extension.RegisterExtension;

/** ActiveMQ Artemis: a renewal sends the messages in flight again. */
class ArtemisSharedRenewalTest extends SharedRenewalTest {
  @RegisterExtension
  static final BrokerExtension ARTEMIS = BrokerExtension.sharedArtemis();

  @Override
  BrokerProcess broker() {
    return ARTEMIS.broker();
  }

  @Override
  boolean renewalRedelivers() {
    return true;
  }
}
