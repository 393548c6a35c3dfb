package dev.purista.cli.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;

/**
 * A command of a service.
 *
 * @param name lowerCamel name, unique within its service
 * @param description one line, may be empty
 * @param http the HTTP exposure, or {@code null}
 * @param successEvent the event its success response is emitted as, or {@code null}
 */
@JsonPropertyOrder({"name", "description", "http", "successEvent"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandModel(String name, String description, HttpRoute http, String successEvent) {

  public Optional<HttpRoute> httpRoute() {
    return Optional.ofNullable(http);
  }

  public Optional<String> successEventName() {
    return Optional.ofNullable(successEvent);
  }
}
