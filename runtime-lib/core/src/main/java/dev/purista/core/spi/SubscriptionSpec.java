package dev.purista.core.spi;

import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.SubscriptionFilter;

/**
 * A subscription as a bridge registers it.
 *
 * @param address service, version and subscription name; instances with the same address share one queue
 * @param filter which messages it receives
 * @param shared {@code true}: each message goes to one instance of the service; {@code false}: to every instance
 * @param durable {@code true}: messages survive a restart and are delivered at least once, where the bridge can
 *     do that; {@code false}: at most once
 */
public record SubscriptionSpec(MessageAddress address, SubscriptionFilter filter, boolean shared, boolean durable) {
  public SubscriptionSpec {
    if (address == null) {
      throw new NullPointerException("address == null");
    }
    if (filter == null) {
      throw new NullPointerException("filter == null");
    }
    address = address.withoutInstanceId();
  }
}
