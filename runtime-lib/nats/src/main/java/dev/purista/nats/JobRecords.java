package dev.purista.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import java.io.IOException;

/**
 * The jobs bucket: one {@link JobRecord} per job, read with its revision and changed only by compare-and-set, so
 * that of two processes changing the same job one wins and the other reads again.
 */
final class JobRecords {
  /**
   * A record as read: {@code record} is {@code null} when the key holds something that is not a record (written by
   * something else), and {@code revision} is what a change must expect.
   */
  record Versioned(JobRecord record, long revision) {
  }

  private final KeyValue bucket;

  JobRecords(KeyValue bucket) {
    this.bucket = bucket;
  }

  /** The record of {@code key}; {@code null} when it has none. */
  Versioned read(String key) throws IOException, JetStreamApiException {
    KeyValueEntry entry = KvCas.live(bucket, key);
    if (entry == null) {
      return null;
    }
    JobRecord record;
    try {
      record = JobRecord.fromJson(entry.getValue());
    } catch (IllegalArgumentException notARecord) {
      record = null;
    }
    return new Versioned(record, entry.getRevision());
  }

  /** Writes {@code record} if the key has no record yet; false when it has one. */
  boolean create(String key, JobRecord record) throws IOException, JetStreamApiException {
    return KvCas.compareAndSet(bucket, key, record.toJson(), 0);
  }

  /** Writes {@code record} if the key is still at {@code revision} (0: has none); false when it is not. */
  boolean replace(String key, JobRecord record, long revision) throws IOException, JetStreamApiException {
    return KvCas.compareAndSet(bucket, key, record.toJson(), revision);
  }

  /** Deletes the record if the key is still at {@code revision}. */
  void delete(String key, long revision) throws IOException, JetStreamApiException {
    bucket.delete(key, revision);
  }
}
