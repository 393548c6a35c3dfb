package dev.purista.core.internal;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpAccess;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.EventBridge;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The info messages a service sends as PURISTA's services do, so that monitoring and a gateway (which learns the
 * HTTP routes of services in other processes from them) can follow it: {@code infoServiceInit} before it registers
 * anything, {@code infoServiceFunctionAdded} for each command it registered, with the command's metadata as
 * payload, and {@code infoServiceReady} when it serves. Each is a message of its own type (no event name), sent
 * from the service's address with the command's name as target, or an empty target for the service itself, and a
 * trace id of its own.
 *
 * <p>They are sent best-effort: a bridge that cannot send one is logged, and the service starts anyway, because the
 * commands it registered work whether or not anyone heard of them.
 */
final class ServiceInfoMessages {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceInfoMessages.class);
  /** Bounds how long a start waits for a bridge to take an info message. */
  private static final long SEND_WAIT_SECONDS = 5;

  private final ServiceDefinition service;
  private final EventBridge bridge;

  ServiceInfoMessages(ServiceDefinition service, EventBridge bridge) {
    this.service = service;
    this.bridge = bridge;
  }

  void init() {
    send(MessageType.INFO_SERVICE_INIT, "", null);
  }

  void functionAdded(CommandDefinition<?, ?, ?> command) {
    send(MessageType.INFO_SERVICE_FUNCTION_ADDED, command.name(), metadata(command));
  }

  void ready() {
    send(MessageType.INFO_SERVICE_READY, "", null);
  }

  /**
   * PURISTA's command metadata ({@code CommandDefinitionMetadataBase} and, for an HTTP-exposed command, its
   * {@code expose.http}): content types and encodings, deprecation, method, path and whether it is secured. The
   * JSON schemas the original adds are left out; purista-http's OpenAPI document has them.
   */
  static Map<String, Object> metadata(CommandDefinition<?, ?, ?> command) {
    Map<String, Object> expose = new LinkedHashMap<>();
    expose.put("contentTypeRequest", Message.JSON);
    expose.put("contentEncodingRequest", Message.UTF_8);
    expose.put("contentTypeResponse", Message.JSON);
    expose.put("contentEncodingResponse", Message.UTF_8);
    expose.put("deprecated", command.deprecated());
    command.http().ifPresent(http -> {
      Map<String, Object> openApi = new LinkedHashMap<>();
      openApi.put("isSecure", http.access() != HttpAccess.PUBLIC);
      openApi.put("description", command.description());
      openApi.put("summary", command.name());
      Map<String, Object> route = new LinkedHashMap<>();
      route.put("method", http.method().name());
      route.put("path", http.path());
      route.put("openApi", openApi);
      expose.put("http", route);
    });
    return Map.of("expose", expose);
  }

  private void send(MessageType type, String target, Object payload) {
    Message info = Message.builder(type)
        .traceId(MessageIds.newId())
        .sender(new MessageAddress(service.name(), service.version(), target, bridge.instanceId()))
        .payload(payload)
        .build();
    try {
      bridge.emit(info).get(SEND_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("service {} v{}: the {} info message was not sent: {}", service.name(), service.version(),
          type.wireName(), e.toString());
    }
  }
}
