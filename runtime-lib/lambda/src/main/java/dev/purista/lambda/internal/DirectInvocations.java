package dev.purista.lambda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaError;
import dev.purista.core.StatusCode;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.CommandResponses;
import dev.purista.core.message.ErrorPayload;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.EventBridge;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A direct invocation, {@code {"service", "version", "command", "payload", "parameter"}}: the command's result
 * as the answer, or {@code {"error": {"status", "message", "data"}}}. An unhandled failure is a bare 500 without
 * its message, as everywhere else.
 */
final class DirectInvocations {
  private static final Logger LOG = LoggerFactory.getLogger(DirectInvocations.class);
  /** Bridges report their own timeouts; this only guards against a bridge that never answers. */
  private static final Duration BRIDGE_GRACE = Duration.ofSeconds(1);

  private final EventBridge bridge;
  private final MessageAddress sender;
  private final ObjectMapper mapper = LambdaJson.mapper();

  DirectInvocations(EventBridge bridge) {
    this.bridge = bridge;
    this.sender = new MessageAddress("lambda", "1", "invoke", bridge.instanceId());
  }

  static boolean matches(JsonNode event) {
    return event.path("service").isTextual() && event.path("command").isTextual();
  }

  JsonNode answer(JsonNode event, String traceId, Duration deadline) {
    String version = event.path("version").isMissingNode() ? "1" : event.path("version").asText();
    MessageAddress receiver = MessageAddress.of(event.path("service").asText(), version,
        event.path("command").asText());
    if (deadline.isZero()) {
      return error(new HandledError(StatusCode.GATEWAY_TIMEOUT, "No time left in this invocation"));
    }
    Message command = Message.builder(MessageType.COMMAND)
        .sender(sender)
        .receiver(receiver)
        .correlationId(MessageIds.newId())
        .traceId(traceId)
        .payload(new CommandPayload(plain(event.get("payload")), plain(event.get("parameter"))))
        .build();
    try {
      Message response = bridge.invoke(command, deadline)
          .get(deadline.plus(BRIDGE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
      if (response.messageType() == MessageType.COMMAND_ERROR_RESPONSE) {
        return error(CommandResponses.toError(response));
      }
      return mapper.valueToTree(response.payload());
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof PuristaError failure) {
        return error(failure);
      }
      LOG.warn("the event bridge could not deliver {}: {}", receiver.describe(), cause.toString());
      return error(new HandledError(StatusCode.SERVICE_UNAVAILABLE, "The event bridge could not deliver the command"));
    } catch (TimeoutException e) {
      return error(HandledError.timeout(receiver, deadline));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(new HandledError(StatusCode.SERVICE_UNAVAILABLE, "Interrupted"));
    }
  }

  /** The JSON value as maps, lists and scalars, which the command's pipeline binds to its types. */
  private Object plain(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    return mapper.convertValue(value, Object.class);
  }

  private JsonNode error(PuristaError failure) {
    ErrorPayload payload = failure.toErrorPayload();
    ObjectNode answer = mapper.createObjectNode();
    ObjectNode error = answer.putObject("error");
    error.put("status", payload.status());
    error.put("message", payload.message());
    if (payload.data() != null) {
      error.set("data", mapper.valueToTree(payload.data()));
    }
    return answer;
  }
}
