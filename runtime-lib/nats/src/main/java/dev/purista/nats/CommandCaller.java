package dev.purista.nats;

import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.MessageType;
import io.nats.client.Connection;
import io.nats.client.JetStreamStatusException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends commands with NATS request/reply, as PURISTA does: the client publishes on the command's subject with a
 * reply inbox, one instance of the command's queue group answers on it.
 *
 * <p>The client's own request table correlates the answer (one inbox token per call) and keeps the deadline:
 * its clean-up pass, every {@link NatsConnector#REQUEST_CLEANUP_INTERVAL}, ends an expired request with a
 * {@link TimeoutException}, which becomes the {@code TIMEOUT} error, at most that interval late. The core's
 * {@code PendingInvocations} is deliberately not used: it schedules one timer task per call, which wakes its
 * timer thread on every call, and on a two-core machine that cost a fifth of the round trip (see
 * docs/benchmarks/nats.md).
 *
 * <p>When nobody subscribes to the subject, the server answers at once with a "no responders" status, which
 * becomes the {@code NO_HANDLERS} error; when the connection closes, open calls fail with
 * {@code BRIDGE_FAILURE}.
 */
final class CommandCaller {
  private static final Logger LOG = LoggerFactory.getLogger(CommandCaller.class);
  private static final int NO_RESPONDERS = 503;

  private final Connection connection;
  private final NatsTopology topology;
  private final MessageCodec codec;

  CommandCaller(Connection connection, NatsTopology topology, MessageCodec codec) {
    this.connection = connection;
    this.topology = topology;
    this.codec = codec;
  }

  CompletableFuture<Message> invoke(Message command, Duration timeout) {
    byte[] body = codec.encode(command);
    CompletableFuture<io.nats.client.Message> request;
    try {
      request = OutputQueueRetry.send(() -> connection.requestWithTimeout(topology.subjectOf(command),
          EnvelopeHeaders.of(command), body, timeout));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(unavailable("NATS did not take the command: " + e.getMessage()));
    }
    CompletableFuture<Message> call = new CompletableFuture<>();
    request.whenComplete((reply, failure) -> {
      if (failure != null) {
        call.completeExceptionally(failed(command, timeout, failure));
      } else {
        answer(call, command, reply);
      }
    });
    return call;
  }

  private void answer(CompletableFuture<Message> call, Message command, io.nats.client.Message reply) {
    Message response;
    try {
      response = codec.decode(reply.getData());
    } catch (MalformedMessageException e) {
      LOG.warn("malformed reply to command {} on {}: {}", command.receiver().describe(), reply.getSubject(),
          e.getMessage());
      call.completeExceptionally(badReply(command, "a malformed message"));
      return;
    }
    if (!response.messageType().isCommandResponse()
        || !command.correlationId().equals(response.correlationId())) {
      LOG.warn("reply to command {} is not its response (type {}, correlation id {})",
          command.receiver().describe(), response.messageType().wireName(), response.correlationId());
      call.completeExceptionally(badReply(command, "a message that is not its response"));
      return;
    }
    call.complete(response);
  }

  private static Throwable failed(Message command, Duration timeout, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof TimeoutException) {
      return HandledError.timeout(command.receiver(), timeout);
    }
    if (cause instanceof JetStreamStatusException status && status.getStatus().getCode() == NO_RESPONDERS) {
      return HandledError.noHandlers(command.receiver());
    }
    if (cause instanceof CancellationException) {
      return unavailable("The NATS connection closed before command " + command.receiver().describe()
          + " answered");
    }
    return unavailable("NATS request for " + command.receiver().describe() + " failed: " + cause);
  }

  private static HandledError badReply(Message command, String what) {
    return new HandledError(StatusCode.BAD_GATEWAY, "Command " + command.receiver().describe() + " answered with "
        + what, null, FailureReason.BRIDGE_FAILURE);
  }

  static HandledError unavailable(String message) {
    return new HandledError(StatusCode.SERVICE_UNAVAILABLE, message, null, FailureReason.BRIDGE_FAILURE);
  }

  static boolean isCommand(Message message) {
    return message.messageType() == MessageType.COMMAND && message.receiver() != null
        && message.correlationId() != null;
  }
}
