package dev.purista.amqp;

import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the broker connection is up, and whether it is coming back: the difference between "not ready" and
 * "not healthy". The client's automatic recovery does the reconnecting; this only watches it.
 */
final class ConnectionState implements ShutdownListener, RecoveryListener {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionState.class);

  private final String connectionName;
  private volatile boolean connected = true;
  private volatile boolean recovering;
  private volatile boolean closedForGood;

  ConnectionState(String connectionName) {
    this.connectionName = connectionName;
  }

  boolean connected() {
    return connected;
  }

  /** Connected, or lost and being recovered by the client. */
  boolean alive() {
    return !closedForGood && (connected || recovering);
  }

  @Override
  public void shutdownCompleted(ShutdownSignalException cause) {
    connected = false;
    if (cause.isInitiatedByApplication()) {
      closedForGood = true;
      return;
    }
    recovering = true;
    LOG.warn("connection {} to RabbitMQ lost ({}); reconnecting", connectionName, cause.getMessage());
  }

  @Override
  public void handleRecoveryStarted(Recoverable recoverable) {
    recovering = true;
  }

  @Override
  public void handleRecovery(Recoverable recoverable) {
    connected = true;
    recovering = false;
    AmqpSession.METRICS.reconnected();
    LOG.info("connection {} to RabbitMQ recovered; queues, bindings and consumers restored", connectionName);
  }
}
