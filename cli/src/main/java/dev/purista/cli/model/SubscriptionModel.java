package dev.purista.cli.model;

import java.util.Optional;

/**
 * A subscription of a service.
 *
 * @param name lowerCamel name, unique within its service
 * @param description one line, may be empty
 * @param event the event it reacts to
 * @param emits the event its result is emitted as, or {@code null}
 * @param payloadType the fully qualified class the event payload binds to. It is chosen once, when the
 *     subscription is added (the producing command's result record if the project knows it, else the
 *     subscription's own payload record), and recorded here so that regenerating never changes the type a
 *     user-owned handler was written against.
 */
public record SubscriptionModel(String name, String description, String event, String emits, String payloadType) {

  public Optional<String> emitsEvent() {
    return Optional.ofNullable(emits);
  }
}
