package dev.purista.nats;

import dev.purista.core.spi.Registration;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registered endpoint and the dispatcher that feeds it. Each endpoint has its own dispatcher, so that closing
 * it can drain exactly that endpoint: unsubscribe, let the messages the client already holds reach the endpoint,
 * then close the dispatcher. Other instances in the queue group take the calls from then on.
 */
final class NatsRegistration implements Registration {
  private static final Logger LOG = LoggerFactory.getLogger(NatsRegistration.class);

  private final String description;
  private final Connection connection;
  private final Dispatcher dispatcher;
  private final Duration drainTimeout;
  private final Runnable release;
  private final Consumer<NatsRegistration> onClosed;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean drained = new AtomicBoolean();

  /**
   * @param release broker-side clean-up after the drain (forget or delete durable consumers)
   * @param onClosed tells the bridge this registration is gone
   */
  NatsRegistration(String description, Connection connection, Dispatcher dispatcher, Duration drainTimeout,
      Runnable release, Consumer<NatsRegistration> onClosed) {
    this.description = description;
    this.connection = connection;
    this.dispatcher = dispatcher;
    this.drainTimeout = drainTimeout;
    this.release = release;
    this.onClosed = onClosed;
  }

  /**
   * Takes no new messages: unsubscribes and hands what the client already holds to the endpoint. A durable
   * consumer stays on the server, with whatever it has not delivered, until {@link #close()}. Idempotent.
   */
  void stopAccepting() {
    if (drained.compareAndSet(false, true)) {
      drain();
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      stopAccepting();
      release.run();
    } finally {
      onClosed.accept(this);
    }
  }

  private void drain() {
    try {
      // A drain needs the server's confirmation; without a connection there is nothing to wait for.
      if (dispatcher.isActive() && connection.getStatus() == Connection.Status.CONNECTED) {
        Boolean drained = dispatcher.drain(drainTimeout).get(drainTimeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        if (!Boolean.TRUE.equals(drained)) {
          LOG.warn("{}: messages still queued after {} ms were dropped", description, drainTimeout.toMillis());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | IllegalStateException e) {
      LOG.debug("{}: drain ended early: {}", description, e.toString());
    } finally {
      if (dispatcher.isActive() && connection.getStatus() != Connection.Status.CLOSED) {
        connection.closeDispatcher(dispatcher);
      }
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
