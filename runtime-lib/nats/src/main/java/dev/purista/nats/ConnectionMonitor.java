package dev.purista.nats;

import dev.purista.core.spi.support.BridgeMetrics;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the connection for the bridge. The NATS client reconnects by itself, forever, and re-sends every
 * subscription, which restores command queue groups, plain subscriptions and the delivery subjects of durable
 * consumers. What the client cannot restore is broker state: a server that lost its JetStream store (a new node,
 * memory storage, a consumer removed while nobody listened) no longer has the stream or the consumers. So once the
 * client reports {@code RESUBSCRIBED}, the monitor asks the bridge to declare its JetStream topology again, on
 * an executor of the bridge, never on the client's own thread.
 *
 * <p>It also routes the client's asynchronous errors to SLF4J, where the rest of the application logs.
 */
final class ConnectionMonitor implements ConnectionListener, ErrorListener {
  /** The NATS bridge's reconnects, redeliveries and dead letters. */
  static final BridgeMetrics METRICS = BridgeMetrics.of("nats");
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);

  private final String instanceId;
  private final Executor maintenance;
  private final Runnable restoreTopology;
  /** While down, every failed reconnect attempt reports again; one warning per outage is enough. */
  private volatile boolean down;
  /** A failed first connect is reported by {@code start()}; only a connection that existed can be lost. */
  private volatile boolean connectedOnce;
  /** jnats ends a failed first connect with "Unable to connect" alone; the reason is what it reported here. */
  private volatile Exception lastConnectFailure;

  ConnectionMonitor(String instanceId, Executor maintenance, Runnable restoreTopology) {
    this.instanceId = instanceId;
    this.maintenance = maintenance;
    this.restoreTopology = restoreTopology;
  }

  @Override
  public void connectionEvent(Connection connection, Events event) {
    switch (event) {
      case CONNECTED -> {
        connectedOnce = true;
        LOG.info("NATS bridge {} connected to {}", instanceId, connection.getConnectedUrl());
      }
      case DISCONNECTED -> {
        if (connectedOnce && !down) {
          down = true;
          LOG.warn("NATS bridge {} lost its connection; reconnecting", instanceId);
        }
      }
      case RECONNECTED -> {
        down = false;
        METRICS.reconnected();
        LOG.info("NATS bridge {} reconnected to {}", instanceId, connection.getConnectedUrl());
      }
      case RESUBSCRIBED -> {
        LOG.info("NATS bridge {}: subscriptions re-established", instanceId);
        try {
          maintenance.execute(restoreTopology);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          LOG.debug("NATS bridge {} is stopping; topology not restored", instanceId);
        }
      }
      case CLOSED -> LOG.info("NATS bridge {} connection closed", instanceId);
      case LAME_DUCK -> LOG.warn("NATS server {} is entering lame duck mode; the client will move to another",
          connection.getConnectedUrl());
      default -> LOG.debug("NATS bridge {}: {}", instanceId, event.getEvent());
    }
  }

  @Override
  public void errorOccurred(Connection connection, String error) {
    LOG.warn("NATS server reported an error to bridge {}: {}", instanceId, error);
  }

  /** What the last attempt of a first connect that never succeeded failed with, such as a TLS handshake. */
  Optional<Exception> lastConnectFailure() {
    return connectedOnce ? Optional.empty() : Optional.ofNullable(lastConnectFailure);
  }

  @Override
  public void exceptionOccurred(Connection connection, Exception exception) {
    if (!connectedOnce) {
      lastConnectFailure = exception;
    }
    if (down || !connectedOnce) {
      LOG.debug("NATS bridge {} connect attempt failed: {}", instanceId, exception.toString());
    } else {
      LOG.warn("NATS client of bridge {} failed: {}", instanceId, exception.toString());
    }
  }

  @Override
  public void slowConsumerDetected(Connection connection, Consumer consumer) {
    LOG.warn("NATS bridge {}: a consumer cannot keep up and the client drops its messages ({} pending)",
        instanceId, consumer.getPendingMessageCount());
  }
}
