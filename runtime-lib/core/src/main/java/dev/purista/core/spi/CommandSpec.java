package dev.purista.core.spi;

import dev.purista.core.message.MessageAddress;

/**
 * A command as a bridge registers it. {@code address} names service, version and command; every instance that
 * registers the same address competes for its calls.
 *
 * @param address the command's address, without an instance id
 * @param eventName the success event name, or {@code null}; bridges that route events by name need it up front
 */
public record CommandSpec(MessageAddress address, String eventName) {
  public CommandSpec {
    if (address == null) {
      throw new NullPointerException("address == null");
    }
    address = address.withoutInstanceId();
  }
}
