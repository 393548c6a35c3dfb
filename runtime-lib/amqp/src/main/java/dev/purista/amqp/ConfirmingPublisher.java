package dev.purista.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import dev.purista.core.FailureReason;
import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes messages that must not be lost (events, retries, dead letters, success events) on a channel in
 * confirm mode. Each publish completes when the broker has taken responsibility for the message: routed it, and
 * for a persistent message to a durable queue, written it to disk.
 *
 * <p>When the connection drops, messages sent but not confirmed, and messages published while it is down, are
 * kept and sent again once the client has recovered the connection and its topology. So a confirm is never lost
 * silently: a publish either completes, or fails at its deadline, and a message may arrive twice, never zero
 * times after its publish completed.
 *
 * <p>Sequence numbers restart on every new channel, so each channel keeps its own table of unconfirmed messages.
 */
final class ConfirmingPublisher implements RecoveryListener {
  private static final Logger LOG = LoggerFactory.getLogger(ConfirmingPublisher.class);

  private final Connection connection;
  private final ScheduledExecutorService scheduler;
  /** Makes "next sequence number, then publish" atomic, and orders resends before new publishes. */
  private final ReentrantLock lock = new ReentrantLock();
  private final List<Outgoing> waiting = new ArrayList<>();
  private volatile Tracked current;
  private volatile boolean connectionUp = true;
  private final java.util.concurrent.atomic.AtomicBoolean reopening = new java.util.concurrent.atomic.AtomicBoolean();

  ConfirmingPublisher(Connection connection, ScheduledExecutorService scheduler) throws IOException {
    this.connection = connection;
    this.scheduler = scheduler;
    this.current = new Tracked();
    if (connection instanceof Recoverable recoverable) {
      recoverable.addRecoveryListener(this);
    }
  }

  /** Publishes; the future completes on the broker's confirm, or fails at {@code deadline}. */
  CompletableFuture<Void> publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body,
      Duration deadline) {
    Outgoing outgoing = new Outgoing(exchange, routingKey, properties, body, new CompletableFuture<>());
    ScheduledFuture<?> timer = scheduler.schedule(() -> outgoing.done.completeExceptionally(new HandledError(
        StatusCode.SERVICE_UNAVAILABLE, "RabbitMQ did not confirm the message within " + deadline.toMillis()
        + " ms", null, FailureReason.BRIDGE_FAILURE)), deadline.toNanos(), TimeUnit.NANOSECONDS);
    outgoing.done.whenComplete((ok, failure) -> timer.cancel(false));
    lock.lock();
    try {
      if (connectionUp) {
        sendWaiting();
        send(outgoing);
      } else {
        waiting.add(outgoing);
      }
    } finally {
      lock.unlock();
    }
    return outgoing.done;
  }

  /** Messages published and not yet confirmed or failed. */
  int unsettled() {
    lock.lock();
    try {
      return current.unconfirmed.size() + waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** Fails whatever is still unconfirmed and closes the channel; used when the bridge stops. */
  void close(String reason) {
    Channel channel;
    lock.lock();
    try {
      HandledError error = new HandledError(StatusCode.SERVICE_UNAVAILABLE, reason, null,
          FailureReason.BRIDGE_FAILURE);
      current.unconfirmed.values().forEach(outgoing -> outgoing.done.completeExceptionally(error));
      current.unconfirmed.clear();
      waiting.forEach(outgoing -> outgoing.done.completeExceptionally(error));
      waiting.clear();
      channel = current.channel;
    } finally {
      lock.unlock();
    }
    // Outside the lock: closing waits for the broker's answer, which the I/O thread reads, and that thread may
    // be waiting for the lock to publish a dead letter.
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException | RuntimeException | java.util.concurrent.TimeoutException e) {
      LOG.debug("closing the confirm channel: {}", e.toString());
    }
  }

  @Override
  public void handleRecovery(Recoverable recovered) {
    // Runs after the client restored channels, queues, bindings and consumers: resending now reaches them.
    lock.lock();
    try {
      List<Outgoing> resend = new ArrayList<>(current.unconfirmed.values());
      current.unconfirmed.clear();
      resend.addAll(waiting);
      waiting.clear();
      connectionUp = true;
      long open = resend.stream().filter(outgoing -> !outgoing.done.isDone()).count();
      if (open > 0) {
        LOG.info("connection recovered: publishing {} unconfirmed messages again", open);
      }
      for (Outgoing outgoing : resend) {
        send(outgoing);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void handleRecoveryStarted(Recoverable recoverable) {
    connectionUp = false;
  }

  /** Lock held. */
  private void sendWaiting() {
    if (waiting.isEmpty()) {
      return;
    }
    List<Outgoing> queued = new ArrayList<>(waiting);
    waiting.clear();
    queued.forEach(this::send);
  }

  /** Lock held. A message whose publish fails waits for the next recovery, or for its deadline. */
  private void send(Outgoing outgoing) {
    if (outgoing.done.isDone()) {
      return;
    }
    Tracked tracked;
    long sequence;
    try {
      tracked = tracked();
      sequence = tracked.channel.getNextPublishSeqNo();
      tracked.unconfirmed.put(sequence, outgoing);
    } catch (IOException | AlreadyClosedException e) {
      waiting.add(outgoing);
      return;
    }
    try {
      tracked.channel.basicPublish(outgoing.exchange, outgoing.routingKey, false, outgoing.properties,
          outgoing.body);
    } catch (IOException | AlreadyClosedException e) {
      tracked.unconfirmed.remove(sequence);
      waiting.add(outgoing);
      LOG.debug("publish failed, keeping the message until the connection is back: {}", e.toString());
    }
  }

  /**
   * Lock held. The current channel; after a channel error while the connection is up, a new one is opened in the
   * background (this may run on the I/O thread, which must not wait for the broker) and the message waits.
   */
  private Tracked tracked() throws IOException {
    Tracked tracked = current;
    if (tracked.channel.isOpen() || !connection.isOpen()) {
      return tracked;
    }
    if (reopening.compareAndSet(false, true)) {
      scheduler.execute(() -> reopen(tracked));
    }
    throw new IOException("the confirm channel is being opened again");
  }

  private void reopen(Tracked broken) {
    try {
      LOG.warn("the confirm channel was closed by the broker ({}); opening a new one",
          broken.channel.getCloseReason() == null ? "no reason" : broken.channel.getCloseReason().getMessage());
      Tracked fresh = new Tracked();
      lock.lock();
      try {
        current = fresh;
        sendWaiting();
      } finally {
        lock.unlock();
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("cannot open a new confirm channel: {}", e.toString());
    } finally {
      reopening.set(false);
    }
  }

  private record Outgoing(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body,
      CompletableFuture<Void> done) {
  }

  /** One channel in confirm mode and the messages it has not had confirmed yet. */
  private final class Tracked implements ConfirmListener, ShutdownListener {
    private final Channel channel;
    private final ConcurrentNavigableMap<Long, Outgoing> unconfirmed = new ConcurrentSkipListMap<>();

    Tracked() throws IOException {
      channel = connection.createChannel();
      if (channel == null) {
        throw new IOException("the broker has no channel left for publisher confirms");
      }
      channel.confirmSelect();
      channel.addConfirmListener(this);
      channel.addShutdownListener(this);
    }

    // Called on the client's I/O thread: only completes futures, whose callbacks must not block either.
    @Override
    public void handleAck(long sequence, boolean multiple) {
      settle(sequence, multiple, null);
    }

    @Override
    public void handleNack(long sequence, boolean multiple) {
      settle(sequence, multiple, new HandledError(StatusCode.SERVICE_UNAVAILABLE,
          "RabbitMQ refused the message (negative confirm)", null, FailureReason.BRIDGE_FAILURE));
    }

    private void settle(long sequence, boolean multiple, HandledError failure) {
      if (multiple) {
        Map<Long, Outgoing> settled = unconfirmed.headMap(sequence, true);
        for (Outgoing outgoing : settled.values()) {
          finish(outgoing, failure);
        }
        settled.clear();
      } else {
        Outgoing outgoing = unconfirmed.remove(sequence);
        if (outgoing != null) {
          finish(outgoing, failure);
        }
      }
    }

    private void finish(Outgoing outgoing, HandledError failure) {
      if (failure == null) {
        outgoing.done.complete(null);
      } else {
        outgoing.done.completeExceptionally(failure);
      }
    }

    @Override
    public void shutdownCompleted(ShutdownSignalException cause) {
      if (cause.isHardError()) {
        // The connection went down; recovery resends what is unconfirmed here.
        connectionUp = false;
        return;
      }
      if (cause.isInitiatedByApplication()) {
        return;
      }
      // A channel error: its confirms will never come, and a new channel restarts the sequence numbers.
      HandledError error = new HandledError(StatusCode.SERVICE_UNAVAILABLE,
          "the confirm channel was closed by the broker: " + cause.getMessage(), null, FailureReason.BRIDGE_FAILURE);
      unconfirmed.values().forEach(outgoing -> outgoing.done.completeExceptionally(error));
      unconfirmed.clear();
    }
  }
}
