package dev.purista.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes into a JetStream stream and completes when the stream confirmed the store. It is the request the
 * client's own asynchronous JetStream publish makes, with the bridge's timeout: the client gives its asynchronous
 * publishes only its request clean-up interval, which the bridge keeps short for command deadlines.
 */
final class StreamPublisher {
  static final String MESSAGE_ID = "Nats-Msg-Id";
  static final String EXPECTED_STREAM = "Nats-Expected-Stream";

  private final Connection connection;
  private final Duration timeout;

  StreamPublisher(Connection connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
  }

  /** {@code headers} should name the expected stream, so that no other stream can take the message. */
  CompletableFuture<Void> publish(String subject, Headers headers, byte[] body) {
    CompletableFuture<Void> stored = new CompletableFuture<>();
    connection.requestWithTimeout(subject, headers, body, timeout).whenComplete((reply, failure) -> {
      if (failure != null) {
        stored.completeExceptionally(failure);
        return;
      }
      try {
        new PublishAck(reply);
        stored.complete(null);
      } catch (IOException | JetStreamApiException e) {
        stored.completeExceptionally(e);
      }
    });
    return stored;
  }
}
