package dev.purista.nats;

import io.nats.client.JetStreamApiException;
import java.io.IOException;

/** Queues of a test run's own on a shared server, and their removal afterwards. */
final class QueueTestSupport {
  private QueueTestSupport() {
  }

  static NatsQueueConfig config(String url) {
    return NatsQueueConfig.of(NatsTestSupport.fastConfig(url).build())
        .withName("purista_test_queues_" + Long.toHexString(System.nanoTime()));
  }

  static void delete(String url, NatsQueueConfig config) throws IOException, InterruptedException {
    QueueNames names = new QueueNames(config.name());
    try (BrokerProbe probe = new BrokerProbe(url)) {
      for (String stream : new String[] {names.jobStream(), names.deadLetterStream()}) {
        quietly(() -> probe.connection.jetStreamManagement().deleteStream(stream));
      }
      for (String bucket : new String[] {names.jobsBucket(), names.keysBucket()}) {
        quietly(() -> {
          probe.connection.keyValueManagement().delete(bucket);
          return null;
        });
      }
    }
  }

  private interface Removal {
    Object run() throws IOException, JetStreamApiException;
  }

  private static void quietly(Removal removal) throws IOException {
    try {
      removal.run();
    } catch (JetStreamApiException e) {
      // Not there: nothing to remove.
    }
  }
}
