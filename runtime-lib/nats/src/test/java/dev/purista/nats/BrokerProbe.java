package dev.purista.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** A plain client of the test broker, for what a test must see or do past the bridge: raw publishes, streams. */
final class BrokerProbe implements AutoCloseable {
  private static final int NO_MESSAGE_FOUND = 10037;

  final Connection connection;
  private final JetStreamManagement management;

  BrokerProbe(String url) throws IOException, InterruptedException {
    connection = Nats.connect(url);
    management = connection.jetStreamManagement();
  }

  /** The newest message on {@code subject} in {@code stream}, if any. */
  Optional<MessageInfo> lastMessage(String stream, String subject) throws IOException, JetStreamApiException {
    try {
      return Optional.of(management.getLastMessage(stream, subject));
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == NO_MESSAGE_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The names of the durable consumers on {@code stream} whose names start with {@code prefix}. */
  List<String> consumers(String stream, String prefix) throws IOException, JetStreamApiException {
    return management.getConsumerNames(stream).stream().filter(name -> name.startsWith(prefix)).toList();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
