package dev.purista.nats;

import dev.purista.core.message.MessageAddress;
import io.nats.client.impl.Headers;
import java.util.concurrent.CompletableFuture;

/**
 * Moves a message that a durable subscription could not handle to the dead-letter stream, byte for byte, with
 * why and where it failed in headers (the header names of PURISTA's NATS bridge). From there an operator can
 * read it with {@code nats stream view} and publish it again.
 */
final class DeadLetters {
  static final String REASON = "x-purista-dead-letter-reason";
  static final String ATTEMPT = "x-purista-dead-letter-attempt";
  static final String ORIGINAL_SUBJECT = "x-purista-dead-letter-original-subject";
  static final String SUBSCRIBER = "x-purista-dead-letter-subscriber";
  private static final int MAX_REASON_LENGTH = 512;

  private final StreamPublisher stream;
  private final NatsTopology topology;
  private final String streamName;

  DeadLetters(StreamPublisher stream, NatsTopology topology, String streamName) {
    this.stream = stream;
    this.topology = topology;
    this.streamName = streamName;
  }

  /** Completes when the dead-letter stream has stored the message. */
  CompletableFuture<Void> publish(MessageAddress subscriber, io.nats.client.Message failed, long attempt,
      String reason) {
    Headers headers = new Headers()
        .put(REASON, headerValue(reason))
        .put(ATTEMPT, Long.toString(attempt))
        .put(ORIGINAL_SUBJECT, failed.getSubject())
        .put(SUBSCRIBER, headerValue(subscriber.serviceName() + "/" + subscriber.serviceVersion() + "/"
            + subscriber.serviceTarget()))
        .put(StreamPublisher.EXPECTED_STREAM, streamName);
    return stream.publish(topology.deadLetterSubject(subscriber), headers, failed.getData());
  }

  /** Header values must be printable ASCII on one line; exception messages are neither, always. */
  static String headerValue(String text) {
    String value = text == null ? "unknown" : text;
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_REASON_LENGTH));
    for (int i = 0; i < value.length() && out.length() < MAX_REASON_LENGTH; i++) {
      char c = value.charAt(i);
      out.append(c >= 32 && c <= 126 ? c : ' ');
    }
    return out.toString();
  }
}
