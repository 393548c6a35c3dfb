package dev.purista.benchmarks.queues;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import java.io.IOException;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Removes what a run made on the shared servers: the Redis keys under its unique key prefix and the NATS streams
 * and key-value buckets of its unique queue name. Both servers serve others, so nothing else is touched.
 */
final class SharedServerCleanup {
  private SharedServerCleanup() {
  }

  /** Deletes every key that starts with {@code keyPrefix}; returns how many. */
  static long redisKeys(String host, int port, String keyPrefix) {
    long deleted = 0;
    try (Jedis jedis = new Jedis(host, port)) {
      ScanParams match = new ScanParams().match(keyPrefix + "*").count(1000);
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page = jedis.scan(cursor, match);
        if (!page.getResult().isEmpty()) {
          deleted += jedis.del(page.getResult().toArray(String[]::new));
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
    return deleted;
  }

  /** Deletes the streams and buckets a NATS queue bridge named {@code name} made. */
  static void natsQueues(String url, String name) throws IOException, InterruptedException, JetStreamApiException {
    Connection connection = Nats.connect(url);
    try {
      for (String stream : List.of(name, name + "_dead")) {
        connection.jetStreamManagement().deleteStream(stream);
      }
      for (String bucket : List.of(name + "_jobs", name + "_keys")) {
        connection.keyValueManagement().delete(bucket);
      }
    } finally {
      connection.close();
    }
  }
}
