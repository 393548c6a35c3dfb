package dev.purista.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.Subject;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * The depth of a queue as JetStream tells it: the messages on the queue's subject in the job stream. The stream
 * keeps work-queue retention, so it holds one message per job waiting (due or delayed) or running, and drops a
 * message when its job completes or is dead-lettered. One stream-info request per reading, filtered to the
 * queue's subject, so it costs the same however many queues the stream serves.
 */
final class QueueDepth {
  private final JetStreamManagement jsm;
  private final QueueNames names;

  QueueDepth(JetStreamManagement jsm, QueueNames names) {
    this.jsm = jsm;
    this.names = names;
  }

  /** The queue's message count; empty when the server cannot be asked now (a metric reading must not fail). */
  OptionalLong of(String queue) {
    String subject = names.jobSubject(queue);
    try {
      long count = 0;
      var state = jsm.getStreamInfo(names.jobStream(), StreamInfoOptions.filterSubjects(subject)).getStreamState();
      for (Subject matched : state.getSubjects()) {
        if (matched.getName().equals(subject)) {
          count += matched.getCount();
        }
      }
      return OptionalLong.of(count);
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
