package dev.purista.nats;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageCodec;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes messages on their PURISTA subjects. Events go through JetStream when the server has it: the publish
 * completes only when the event stream has stored the event, which is what "accepted" must mean for a durable
 * subscriber, and the message id travels as {@code Nats-Msg-Id}, so that a retried publish of the same event is
 * stored once. Plain NATS subscribers see the very same publish. Other messages are plain NATS publishes. Every
 * message carries PURISTA's envelope headers ({@link EnvelopeHeaders}).
 */
final class EventPublisher {
  private final Connection connection;
  private final StreamPublisher stream;
  private final NatsTopology topology;
  private final MessageCodec codec;
  private final String streamName;

  /** @param stream {@code null} when the server has no JetStream */
  EventPublisher(Connection connection, StreamPublisher stream, NatsTopology topology, MessageCodec codec,
      String streamName) {
    this.connection = connection;
    this.stream = stream;
    this.topology = topology;
    this.codec = codec;
    this.streamName = streamName;
  }

  CompletableFuture<Void> publish(Message message) {
    return publish(message, codec.encode(message));
  }

  /** Publishes {@code message}, already encoded as {@code body}. */
  CompletableFuture<Void> publish(Message message, byte[] body) {
    String subject = topology.subjectOf(message);
    Headers headers = EnvelopeHeaders.of(message);
    if (stream == null || !NatsTopology.STREAMED_TYPES.contains(message.messageType())) {
      OutputQueueRetry.send(() -> connection.publish(subject, headers, body));
      return CompletableFuture.completedFuture(null);
    }
    headers.put(StreamPublisher.MESSAGE_ID, message.id())
        .put(StreamPublisher.EXPECTED_STREAM, streamName);
    return stream.publish(subject, headers, body);
  }
}
