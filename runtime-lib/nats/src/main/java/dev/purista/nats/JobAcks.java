package dev.purista.nats;

import io.nats.client.Connection;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Answers to JetStream for one delivered job message, sent on its reply subject. The bridge answers the same
 * delivery more than once (a delayed negative acknowledgement when it leases, another on a retry or an extension,
 * an acknowledgement at the end), which the client's own {@code Message.nakWithDelay}/{@code ack} refuse after the
 * first; the server takes each as long as the message is still pending for this consumer, and the job record, not
 * the answer, decides the outcome.
 */
final class JobAcks {
  private static final byte[] ACK = "+ACK".getBytes(StandardCharsets.US_ASCII);

  private final Connection connection;

  JobAcks(Connection connection) {
    this.connection = connection;
  }

  /** Removes the message from the work queue. */
  void ack(Message message) {
    send(message, ACK);
  }

  /** Delivers the message again after {@code delay} (at once when it is not positive). */
  void redeliverAfter(Message message, long delayMillis) {
    long nanos = Duration.ofMillis(Math.max(1, delayMillis)).toNanos();
    send(message, ("-NAK {\"delay\":" + nanos + "}").getBytes(StandardCharsets.US_ASCII));
  }

  private void send(Message message, byte[] body) {
    if (message.getReplyTo() != null) {
      connection.publish(message.getReplyTo(), body);
    }
  }
}
