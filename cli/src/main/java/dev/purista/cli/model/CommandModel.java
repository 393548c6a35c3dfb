package dev.purista.cli.model;

import java.util.Optional;

/**
 * A command of a service.
 *
 * @param name lowerCamel name, unique within its service
 * @param description one line, may be empty
 * @param http the HTTP exposure, or {@code null}
 * @param successEvent the event its success response is emitted as, or {@code null}
 */
public record CommandModel(String name, String description, HttpRoute http, String successEvent) {

  public Optional<HttpRoute> httpRoute() {
    return Optional.ofNullable(http);
  }

  public Optional<String> successEventName() {
    return Optional.ofNullable(successEvent);
  }
}
