package dev.purista.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import java.io.IOException;

/** Reads and compare-and-set writes on a NATS key-value bucket whose keys are already in NATS form. */
final class KvCas {
  /** JetStream's answer to a write whose expected revision is no longer the key's last. */
  private static final int WRONG_LAST_SEQUENCE = 10071;

  private KvCas() {
  }

  /** The key's value with its revision; {@code null} when it has none (never set, deleted, purged, expired). */
  static KeyValueEntry live(KeyValue bucket, String key) throws IOException, JetStreamApiException {
    KeyValueEntry entry = bucket.get(key);
    return entry == null || entry.getOperation() != KeyValueOperation.PUT ? null : entry;
  }

  /** Writes {@code value} only if the key is still at {@code revision} (0: has no value); false when it is not. */
  static boolean compareAndSet(KeyValue bucket, String key, byte[] value, long revision)
      throws IOException, JetStreamApiException {
    try {
      if (revision == 0) {
        bucket.create(key, value);
      } else {
        bucket.update(key, value, revision);
      }
      return true;
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
        return false;
      }
      throw e;
    }
  }
}
