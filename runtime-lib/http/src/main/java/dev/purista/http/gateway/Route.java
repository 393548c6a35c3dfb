package dev.purista.http.gateway;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpAccess;
import dev.purista.core.ServiceInfo;
import dev.purista.core.message.MessageAddress;

/**
 * One HTTP-exposed command: {@code method /api/v<version>/<path>} and the command it invokes.
 *
 * @param method upper-case method, such as {@code POST}
 * @param template the full path, mount path and version included
 * @param service the service that owns the command
 * @param command the command's definition: its input types and access rules
 */
public record Route(String method, PathTemplate template, ServiceInfo service, CommandDefinition<?, ?, ?> command) {

  public MessageAddress address() {
    return MessageAddress.of(service.name(), service.version(), command.name());
  }

  public HttpAccess access() {
    return command.http().orElseThrow().access();
  }

  /** The full path in OpenAPI's form, such as {@code /api/v1/users/{id}}. */
  public String path() {
    return template.openApiPath();
  }

  /** {@code POST /api/v1/users}, for logs and messages. */
  public String describe() {
    return method + " " + template.openApiPath();
  }
}
