package dev.purista.nats;

import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Pulls one queue's messages from its durable consumer for the lease calls of this process. A pull subscription
 * serves one pull at a time, so each lease call borrows one from a pool and gives it back: a worker with 16 threads
 * pulls 16 times at once, and the server hands each message to one of them.
 */
final class QueueFetcher implements AutoCloseable {
  private final JetStream js;
  private final QueueNames names;
  private final String queue;
  private final String where;
  private final Queue<JetStreamSubscription> idle = new ConcurrentLinkedQueue<>();
  private final Queue<JetStreamSubscription> all = new ConcurrentLinkedQueue<>();

  QueueFetcher(JetStream js, QueueNames names, String queue, String where) {
    this.js = js;
    this.names = names;
    this.queue = queue;
    this.where = where;
  }

  /** Up to one message, waiting up to {@code wait} for it. */
  List<Message> fetch(Duration wait) {
    JetStreamSubscription subscription = idle.poll();
    if (subscription == null) {
      subscription = subscribe();
    }
    try {
      return subscription.fetch(1, wait);
    } finally {
      idle.add(subscription);
    }
  }

  private JetStreamSubscription subscribe() {
    try {
      JetStreamSubscription subscription = js.subscribe(names.jobSubject(queue),
          PullSubscribeOptions.bind(names.jobStream(), names.consumer(queue)));
      all.add(subscription);
      return subscription;
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException("the " + where + " did not let this process pull queue " + queue + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    for (JetStreamSubscription subscription : all) {
      try {
        subscription.unsubscribe();
      } catch (IllegalStateException e) {
        // The connection is already closed.
      }
    }
  }
}
