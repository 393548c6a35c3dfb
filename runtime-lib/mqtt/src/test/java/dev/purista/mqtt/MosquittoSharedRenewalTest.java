package dev.purista.mqtt;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Mosquitto: a renewal replaces the subscription and keeps what is in flight. */
class MosquittoSharedRenewalTest extends SharedRenewalTest {
  @RegisterExtension
  static final BrokerExtension MOSQUITTO = BrokerExtension.sharedMosquitto();

  @Override
  BrokerProcess broker() {
    return MOSQUITTO.broker();
  }

  @Override
  boolean renewalRedelivers() {
    return false;
  }
}
