package dev.purista.http.gateway;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaError;
import dev.purista.core.StatusCode;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.CommandResponses;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.EventBridge;
import dev.purista.http.auth.Identity;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a command message for one request and completes with the response payload or the command's error,
 * without holding a thread while the command runs. The message carries the request's trace id and the caller's
 * principal and tenant, as the original's HTTP server copies them, and the request span as {@code otp}.
 */
final class CommandCall {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommandCall.class);
  /** Bridges report their own timeouts; this only guards a request against a bridge that never answers. */
  private static final Duration BRIDGE_GRACE = Duration.ofSeconds(2);

  private final EventBridge bridge;
  private final MessageAddress sender;
  private final Duration timeout;
  private final boolean guarded;

  CommandCall(EventBridge bridge, Duration timeout) {
    this.bridge = bridge;
    this.sender = new MessageAddress("http", "1", "gateway", bridge.instanceId());
    this.timeout = timeout != null ? timeout : bridge.defaultCommandTimeout();
    // A bridge that times out every call itself (the in-memory one, also when wrapped, as a Lambda function wraps
    // it) needs no guard, which would cost every request a timer.
    this.guarded = !bridge.timesOutEveryCall();
  }

  /** Whether each call has a timer of its own, against a bridge that might never answer. */
  boolean guarded() {
    return guarded;
  }

  /** How long a command may take unless a request sets its own deadline. */
  Duration timeout() {
    return timeout;
  }

  /**
   * Completes with the result payload ({@code null} for none), or exceptionally with a {@link PuristaError};
   * {@code timeout} is this call's deadline ({@link #timeout()} unless the request has a shorter one).
   */
  CompletableFuture<Object> invoke(Route route, Object payload, Object parameter, String traceId, String otp,
      Identity identity, Duration timeout) {
    Message command = Message.builder(MessageType.COMMAND)
        .sender(sender)
        .receiver(route.address())
        .correlationId(MessageIds.newId())
        .traceId(traceId)
        .otp(otp)
        .principalId(identity == null ? null : identity.principalId())
        .tenantId(identity == null ? null : identity.tenantId())
        .payload(new CommandPayload(payload, parameter))
        .build();
    CompletableFuture<Message> answer;
    try {
      answer = bridge.invoke(command, timeout);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(bridgeFailure(e));
    }
    if (guarded) {
      answer = answer.orTimeout(timeout.plus(BRIDGE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
    }
    return answer.handle((response, failure) -> {
          if (failure != null) {
            throw asError(failure, route, timeout);
          }
          if (response.messageType() == MessageType.COMMAND_ERROR_RESPONSE) {
            throw CommandResponses.toError(response);
          }
          return response.payload();
        });
  }

  private static PuristaError asError(Throwable failure, Route route, Duration timeout) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof PuristaError error) {
      return error;
    }
    if (cause instanceof TimeoutException) {
      return HandledError.timeout(route.address(), timeout);
    }
    return bridgeFailure(cause);
  }

  private static PuristaError bridgeFailure(Throwable cause) {
    LOG.warn("the event bridge could not deliver a command: {}", cause.toString());
    return new HandledError(StatusCode.SERVICE_UNAVAILABLE, "The event bridge could not deliver the command", null,
        FailureReason.BRIDGE_FAILURE);
  }
}
