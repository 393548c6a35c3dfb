package dev.purista.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.StorageType;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One NATS key-value bucket and the connection it needs, shared by the NATS stores. The bucket is made at start
 * when it does not exist (file storage, one value per key); its keys are {@link KvKeys encoded}. A call that NATS
 * does not answer (the server is down and the client is reconnecting) ends in an {@link IllegalStateException}
 * that names the bucket and the server.
 */
final class KvBucket implements AutoCloseable {
  private final ExecutorService maintenance;
  private final Connection connection;
  private final KeyValue kv;
  private final String bucket;
  private final String where;

  KvBucket(NatsBridgeConfig config, String bucket) {
    String instanceId = "kv-" + UUID.randomUUID().toString().substring(0, 8);
    this.maintenance = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "purista-nats-kv-" + instanceId);
      thread.setDaemon(true);
      return thread;
    });
    // A bucket has no topology to restore after a reconnect; the monitor only reports the outage.
    ConnectionMonitor monitor = new ConnectionMonitor(instanceId, maintenance, () -> { });
    this.connection = NatsConnector.connect(NatsConnector.options(config, instanceId, monitor), config, monitor);
    this.bucket = bucket;
    this.where = "NATS key-value bucket " + bucket + " at " + config.urlsForLogs();
    try {
      KeyValueManagement management = connection.keyValueManagement();
      if (!management.getBucketNames().contains(bucket)) {
        create(management);
      }
      this.kv = connection.keyValue(bucket);
    } catch (IOException | JetStreamApiException e) {
      close();
      throw new IllegalStateException("cannot open the " + where + " (does the server have JetStream?): "
          + e.getMessage(), e);
    }
  }

  private void create(KeyValueManagement management) throws IOException, JetStreamApiException {
    try {
      management.create(KeyValueConfiguration.builder().name(bucket).storageType(StorageType.File)
          .maxHistoryPerKey(1).build());
    } catch (JetStreamApiException e) {
      // Another process made it between the check and the create: use theirs.
      if (!management.getBucketNames().contains(bucket)) {
        throw e;
      }
    }
  }

  /** The value of {@code key}, or {@code null} when it has none (never set, or removed). */
  byte[] get(String key) {
    KeyValueEntry entry = call(() -> kv.get(KvKeys.encode(key)));
    if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
      return null;
    }
    byte[] value = entry.getValue();
    return value == null ? new byte[0] : value;
  }

  /** The entry of {@code key} with its revision, for compare-and-set; {@code null} when it has no value. */
  KeyValueEntry entry(String key) {
    KeyValueEntry entry = call(() -> kv.get(KvKeys.encode(key)));
    return entry == null || entry.getOperation() != KeyValueOperation.PUT ? null : entry;
  }

  void put(String key, byte[] value) {
    call(() -> kv.put(KvKeys.encode(key), value));
  }

  void delete(String key) {
    call(() -> {
      kv.delete(KvKeys.encode(key));
      return null;
    });
  }

  /**
   * Writes {@code value} only if {@code key} is still at {@code revision} (0: has no value); false when another
   * writer came first.
   */
  boolean compareAndSet(String key, byte[] value, long revision) {
    try {
      if (revision == 0) {
        kv.create(KvKeys.encode(key), value);
      } else {
        kv.update(KvKeys.encode(key), value, revision);
      }
      return true;
    } catch (JetStreamApiException e) {
      return false;
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  boolean isHealthy() {
    return connection.getStatus() == Connection.Status.CONNECTED;
  }

  String describe() {
    return where;
  }

  private interface KvCall<T> {
    T run() throws IOException, JetStreamApiException;
  }

  private <T> T call(KvCall<T> call) {
    try {
      return call.run();
    } catch (IOException | JetStreamApiException e) {
      throw unavailable(e);
    }
  }

  private IllegalStateException unavailable(Exception e) {
    return new IllegalStateException("the " + where + " did not answer: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      maintenance.shutdown();
    }
  }
}
