package dev.purista.nats;

import dev.purista.core.UnhandledError;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageCodec;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.Messages;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.support.InFlight;
import io.nats.client.Connection;
import io.nats.client.MessageHandler;
import io.nats.client.impl.Headers;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one registered command instance: reads each request from the command's queue group, hands it to the
 * endpoint and sends the response to the request's reply inbox. A success response that carries an event name
 * is published a second time on its own subject, PURISTA's {@code commandResponsePublishTwice=eventOnly}, so that
 * subscriptions to the success event see it.
 *
 * <p>It runs on the registration's dispatcher thread and never blocks it: the endpoint returns at once and the
 * response is sent from whichever thread completes it. A message that is not a command for this address is
 * logged and dropped; its sender, if any, times out.
 */
final class CommandConsumer implements MessageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CommandConsumer.class);

  private final MessageAddress address;
  private final CommandEndpoint endpoint;
  private final Connection connection;
  private final MessageCodec codec;
  private final EventPublisher events;
  private final InFlight inFlight;
  private final String instanceId;

  CommandConsumer(MessageAddress address, CommandEndpoint endpoint, Connection connection, MessageCodec codec,
      EventPublisher events, InFlight inFlight, String instanceId) {
    this.address = address;
    this.endpoint = endpoint;
    this.connection = connection;
    this.codec = codec;
    this.events = events;
    this.inFlight = inFlight;
    this.instanceId = instanceId;
  }

  @Override
  public void onMessage(io.nats.client.Message request) {
    String replyTo = request.getReplyTo();
    Message command;
    try {
      command = codec.decode(request.getData());
    } catch (MalformedMessageException e) {
      LOG.warn("dropped a malformed message on command {} (subject {}): {}", address.describe(),
          request.getSubject(), e.getMessage());
      return;
    }
    if (!CommandCaller.isCommand(command) || !address.equals(command.receiver().withoutInstanceId())) {
      LOG.warn("dropped message {} of type {} on command {}: not a command for it", command.id(),
          command.messageType().wireName(), address.describe());
      return;
    }
    if (replyTo == null) {
      LOG.warn("dropped command {} for {}: it has no reply subject to answer on", command.id(), address.describe());
      return;
    }
    inFlight.begin();
    CompletableFuture<Message> response;
    try {
      response = endpoint.handle(command);
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    response.whenComplete((message, failure) -> {
      try {
        respond(command, replyTo, failure == null ? message : failed(command, failure));
      } finally {
        inFlight.end();
      }
    });
  }

  private void respond(Message command, String replyTo, Message response) {
    byte[] body;
    try {
      body = codec.encode(response);
    } catch (IllegalArgumentException e) {
      LOG.error("the response of command {} cannot be written as JSON", address.describe(), e);
      response = failed(command, e);
      body = codec.encode(response);
    }
    try {
      Headers headers = EnvelopeHeaders.of(response);
      byte[] reply = body;
      OutputQueueRetry.send(() -> connection.publish(replyTo, headers, reply));
      if (response.messageType() == MessageType.COMMAND_SUCCESS_RESPONSE && response.isEvent()) {
        Message event = response;
        events.publish(event, body).whenComplete((ok, failure) -> {
          if (failure != null) {
            LOG.warn("success event {} of command {} was not published: {}", event.eventName(),
                address.describe(), failure.toString());
          }
        });
      }
    } catch (RuntimeException e) {
      // The connection is closed: the caller's deadline reports the lost answer.
      LOG.warn("could not answer command {}: {}", address.describe(), e.toString());
    }
  }

  private Message failed(Message command, Throwable failure) {
    return Messages.errorResponse(command, new UnhandledError("command endpoint failed", failure),
        Messages.responder(command, instanceId));
  }
}
