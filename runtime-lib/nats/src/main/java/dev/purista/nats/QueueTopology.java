package dev.purista.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;

/**
 * Makes what the queues need on the server when it is not there yet: the jobs stream (work-queue retention: a
 * message stays until it is acknowledged), the dead-letter stream, the two key-value buckets (file storage, one
 * revision per key; job records expire after the retention, idempotency keys never), and one durable pull consumer
 * per queue. Several processes may do this at once; each
 * declaration is idempotent, and a process that loses a race uses what the winner made.
 */
final class QueueTopology {
  /**
   * Messages a queue's consumer may have out at once: leased jobs, and delayed or retried jobs waiting for their
   * time, which the consumer holds as delivered-but-unacknowledged. Past this, leases wait.
   */
  static final int MAX_HELD_PER_QUEUE = 100_000;
  /** Redelivery of a message whose process died between fetching it and recording the lease. */
  static final Duration FETCH_ACK_WAIT = Duration.ofSeconds(30);

  private final JetStreamManagement jsm;
  private final KeyValueManagement kvm;
  private final QueueNames names;
  private final Duration retention;

  QueueTopology(Connection connection, QueueNames names, Duration retention) throws IOException {
    this.jsm = connection.jetStreamManagement();
    this.kvm = connection.keyValueManagement();
    this.names = names;
    this.retention = retention;
  }

  void declare() throws IOException, JetStreamApiException {
    stream(StreamConfiguration.builder().name(names.jobStream()).subjects(names.jobStream() + ".>")
        .retentionPolicy(RetentionPolicy.WorkQueue).storageType(StorageType.File).build());
    stream(StreamConfiguration.builder().name(names.deadLetterStream()).subjects(names.deadLetterStream() + ".>")
        .retentionPolicy(RetentionPolicy.Limits).storageType(StorageType.File).build());
    bucket(names.jobsBucket(), retention);
    // Idempotency keys are strict: kept until the bucket is deleted.
    bucket(names.keysBucket(), Duration.ZERO);
  }

  void consumer(String queue) throws IOException, JetStreamApiException {
    jsm.addOrUpdateConsumer(names.jobStream(), ConsumerConfiguration.builder()
        .durable(names.consumer(queue))
        .filterSubject(names.jobSubject(queue))
        .ackPolicy(AckPolicy.Explicit)
        .ackWait(FETCH_ACK_WAIT)
        .deliverPolicy(DeliverPolicy.All)
        .maxDeliver(-1)
        .maxAckPending(MAX_HELD_PER_QUEUE)
        .build());
  }

  private void stream(StreamConfiguration config) throws IOException, JetStreamApiException {
    if (jsm.getStreamNames().contains(config.getName())) {
      return;
    }
    try {
      jsm.addStream(config);
    } catch (JetStreamApiException e) {
      if (!jsm.getStreamNames().contains(config.getName())) {
        throw e;
      }
    }
  }

  private void bucket(String bucket, Duration maxAge) throws IOException, JetStreamApiException {
    if (kvm.getBucketNames().contains(bucket)) {
      return;
    }
    try {
      kvm.create(KeyValueConfiguration.builder().name(bucket).storageType(StorageType.File).maxHistoryPerKey(1)
          .ttl(maxAge).build());
    } catch (JetStreamApiException e) {
      if (!kvm.getBucketNames().contains(bucket)) {
        throw e;
      }
    }
  }
}
