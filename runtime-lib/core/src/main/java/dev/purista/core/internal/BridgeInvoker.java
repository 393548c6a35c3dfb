package dev.purista.core.internal;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.PuristaError;
import dev.purista.core.StatusCode;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.CommandResponses;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.telemetry.SpanNames;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Invokes commands and emits events on a bridge on behalf of one sender. Calls made while handling a message
 * carry that message's trace, principal and tenant forward, so one trace id follows a request across services.
 */
final class BridgeInvoker implements PuristaClient {
  /**
   * How long past its own deadline a call may wait for the bridge to report the timeout. Bridges report it
   * themselves; this only guards the caller against a faulty bridge, so that a call can never hang.
   */
  private static final Duration BRIDGE_GRACE = Duration.ofSeconds(2);

  /**
   * How long a caller polls its call before it blocks, when the bridge answers in process: the answer usually
   * arrives within it, which saves the caller a park and a wake-up. Broker answers are not polled for.
   */
  private static final SpinBudget CALLER_SPIN = SpinBudget.forThisMachine(TimeUnit.MICROSECONDS.toNanos(30));

  private final EventBridge bridge;
  private final MessageAddress sender;
  private final Message parent;
  private final PayloadBinder binder;
  private final Telemetry telemetry;

  BridgeInvoker(EventBridge bridge, MessageAddress sender, Message parent, PayloadBinder binder,
      Telemetry telemetry) {
    this.bridge = bridge;
    this.sender = sender;
    this.parent = parent;
    this.binder = binder;
    this.telemetry = telemetry;
  }

  @Override
  public <R> R invoke(MessageAddress command, Object payload, Object parameter, Class<R> resultType) {
    return invoke(command, payload, parameter, resultType, bridge.defaultCommandTimeout());
  }

  @Override
  public <R> R invoke(MessageAddress command, Object payload, Object parameter, Class<R> resultType,
      Duration timeout) {
    Message message = commandMessage(command, payload, parameter);
    OutgoingSpan span = OutgoingSpan.start(telemetry, SpanNames.COMMAND_INVOKE, SpanKind.CLIENT, message);
    try {
      CompletableFuture<Message> answer = bridge.invoke(span.stamp(message), timeout);
      if (bridge.answersInProcess()) {
        CALLER_SPIN.spinUntil(answer::isDone);
      }
      Message response = await(answer, command, timeout);
      if (response.messageType() == MessageType.COMMAND_ERROR_RESPONSE) {
        throw CommandResponses.toError(response);
      }
      return binder.bind(response.payload(), resultType);
    } catch (PuristaError e) {
      span.failed(e);
      throw e;
    } catch (RuntimeException e) {
      span.failed(e);
      throw e;
    } finally {
      span.end();
    }
  }

  /** The command message for a call, without sending it. */
  Message commandMessage(MessageAddress command, Object payload, Object parameter) {
    return withContext(Message.builder(MessageType.COMMAND))
        .correlationId(MessageIds.newId())
        .receiver(command.withoutInstanceId())
        .payload(new CommandPayload(payload, parameter))
        .build();
  }

  @Override
  public void emit(String eventName, Object payload) {
    Message event = withContext(Message.builder(MessageType.CUSTOM_MESSAGE))
        .eventName(eventName)
        .payload(payload)
        .build();
    OutgoingSpan span = OutgoingSpan.start(telemetry, SpanNames.EMIT_MESSAGE, SpanKind.PRODUCER, event);
    try {
      await(bridge.emit(span.stamp(event)), null, bridge.defaultCommandTimeout());
    } catch (PuristaError e) {
      span.failed(e);
      throw e;
    } finally {
      span.end();
    }
  }

  /**
   * Sender, trace id, principal and tenant of the message being handled; with tracing off, also its {@code otp},
   * so that the trace passes through unchanged (with tracing on, the call's own span replaces it).
   */
  private Message.Builder withContext(Message.Builder builder) {
    builder.sender(sender);
    if (parent != null && !telemetry.tracing()) {
      builder.otp(parent.otp());
    }
    if (parent != null) {
      builder.traceId(parent.traceId()).principalId(parent.principalId()).tenantId(parent.tenantId());
    }
    return parent != null && parent.traceId() != null ? builder : builder.traceId(MessageIds.newId());
  }

  private static <T> T await(CompletableFuture<T> future, MessageAddress command, Duration timeout) {
    try {
      return future.get(timeout.plus(BRIDGE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof PuristaError error) {
        throw error;
      }
      throw new HandledError(StatusCode.SERVICE_UNAVAILABLE, "Event bridge failed: " + cause.getMessage(), null,
          FailureReason.BRIDGE_FAILURE);
    } catch (TimeoutException e) {
      future.cancel(false);
      if (command == null) {
        throw new HandledError(StatusCode.SERVICE_UNAVAILABLE, "Event bridge did not accept the event within "
            + timeout.toMillis() + " ms", null, FailureReason.BRIDGE_FAILURE);
      }
      throw HandledError.timeout(command, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(false);
      throw new HandledError(StatusCode.SERVICE_UNAVAILABLE, "Interrupted while waiting for the event bridge",
          null, FailureReason.BRIDGE_FAILURE);
    }
  }
}
