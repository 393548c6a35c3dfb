package dev.purista.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declares the bridge's JetStream objects and remembers them, so that they can be declared again after a
 * reconnect to a server that lost them.
 *
 * <ul>
 *   <li>The <b>event stream</b> captures event subjects with interest retention: an event is kept until every
 *       durable consumer whose filter matches it has acknowledged it, and not at all when none does. Non-durable
 *       subscriptions read the same subjects through plain NATS and never hold anything.</li>
 *   <li>The <b>dead-letter stream</b> keeps failed events (limits retention, max age) for people to inspect and
 *       replay.</li>
 *   <li>A <b>durable consumer</b> per subscription and streamed message type: push delivery to a fixed
 *       subject, in the subscription's queue group when it is shared, explicit acknowledgement, new events only
 *       (a new subscription does not replay history).</li>
 * </ul>
 *
 * <p>An existing stream is used as it is when it captures our subjects, so that operators can tune its limits;
 * a stream of that name with other subjects is an error, because rewriting it could cut off another application.
 */
final class JetStreamTopology {
  private static final Logger LOG = LoggerFactory.getLogger(JetStreamTopology.class);
  private static final int STREAM_NOT_FOUND = 10059;
  /** Per-instance consumers belong to one process; the broker removes them this long after it disappears. */
  static final Duration PER_INSTANCE_INACTIVE_THRESHOLD = Duration.ofHours(1);

  private final NatsBridgeConfig config;
  private final NatsTopology topology;
  private final JetStreamManagement management;
  private final Map<String, ConsumerConfiguration> consumers = new ConcurrentHashMap<>();

  JetStreamTopology(NatsBridgeConfig config, NatsTopology topology, JetStreamManagement management) {
    this.config = config;
    this.topology = topology;
    this.management = management;
  }

  void declareStreams() throws IOException, JetStreamApiException {
    declareStream(StreamConfiguration.builder()
        .name(config.streamName())
        .subjects(topology.streamSubjects())
        .retentionPolicy(RetentionPolicy.Interest)
        .storageType(StorageType.File)
        .replicas(config.streamReplicas())
        .maxAge(config.eventMaxAge())
        .build());
    declareStream(StreamConfiguration.builder()
        .name(config.deadLetterStreamName())
        .subjects(topology.deadLetterStreamSubject())
        .retentionPolicy(RetentionPolicy.Limits)
        .storageType(StorageType.File)
        .replicas(config.streamReplicas())
        .maxAge(config.deadLetterMaxAge())
        .build());
  }

  private void declareStream(StreamConfiguration wanted) throws IOException, JetStreamApiException {
    StreamInfo existing = findStream(wanted.getName());
    if (existing == null) {
      try {
        management.addStream(wanted);
        LOG.info("created JetStream stream {} on {}", wanted.getName(), wanted.getSubjects());
        return;
      } catch (JetStreamApiException e) {
        // Another instance may have created it a moment ago; look again before giving up.
        existing = findStream(wanted.getName());
        if (existing == null) {
          throw e;
        }
      }
    }
    List<String> subjects = existing.getConfiguration().getSubjects();
    if (!subjects.containsAll(wanted.getSubjects())) {
      throw new IllegalStateException("JetStream stream " + wanted.getName() + " exists with subjects " + subjects
          + " but the bridge needs " + wanted.getSubjects() + "; choose another stream name or subject prefix");
    }
  }

  private StreamInfo findStream(String name) throws IOException, JetStreamApiException {
    try {
      return management.getStreamInfo(name);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Creates or updates the durable consumer {@code name}; {@code queueGroup} is {@code null} for a per-instance
   * consumer.
   */
  void declareConsumer(String name, String filterSubject, String queueGroup) throws IOException,
      JetStreamApiException {
    Duration inactive = queueGroup == null
        ? config.consumerInactiveThreshold().orElse(PER_INSTANCE_INACTIVE_THRESHOLD)
        : config.consumerInactiveThreshold().orElse(null);
    ConsumerConfiguration consumer = ConsumerConfiguration.builder()
        .durable(name)
        .filterSubject(filterSubject)
        .deliverSubject(topology.deliverSubject(name))
        .deliverGroup(queueGroup)
        .deliverPolicy(DeliverPolicy.New)
        .ackPolicy(AckPolicy.Explicit)
        .ackWait(config.ackWait())
        .maxAckPending(config.maxAckPending())
        // One delivery more than the handler gets: when a process dies during the last attempt, the broker
        // still hands the message out once more, and the bridge dead-letters it instead of losing it.
        .maxDeliver(config.maxAttempts() + 1L)
        .inactiveThreshold(inactive)
        .build();
    management.addOrUpdateConsumer(config.streamName(), consumer);
    consumers.put(name, consumer);
  }

  /** Forgets a consumer; with {@code delete} also removes it from the broker. */
  void release(String name, boolean delete) {
    consumers.remove(name);
    if (delete) {
      try {
        management.deleteConsumer(config.streamName(), name);
      } catch (IOException | JetStreamApiException e) {
        LOG.debug("could not delete consumer {}: {}", name, e.getMessage());
      }
    }
  }

  /** Declares everything again; failures are logged, as a later reconnect will try again. */
  void restore() {
    try {
      declareStreams();
      for (ConsumerConfiguration consumer : consumers.values()) {
        management.addOrUpdateConsumer(config.streamName(), consumer);
      }
      LOG.debug("JetStream topology confirmed: 2 streams, {} consumers", consumers.size());
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      LOG.warn("could not restore the JetStream topology after a reconnect: {}", e.toString());
    }
  }
}
