package dev.purista.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import dev.purista.core.spi.support.PendingInvocations;
import dev.purista.core.spi.support.BridgeMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that lives as long as one connection of a started bridge: the connection and its threads, the
 * publishing channels, the reply queue and its consumer, the table of pending calls. {@link AmqpBridge#start()}
 * opens one; {@link AmqpBridge#stop()} closes it.
 */
final class AmqpSession {
  /** The AMQP bridge's reconnects, redeliveries and dead letters. */
  static final BridgeMetrics METRICS = BridgeMetrics.of("amqp");
  private static final Logger LOG = LoggerFactory.getLogger(AmqpSession.class);

  final Connection connection;
  final ConnectionState state;
  final ScheduledExecutorService scheduler;
  final PendingInvocations pending;
  final ReopeningChannel commands;
  final ConfirmingPublisher confirming;
  final ResponsePublisher responses;
  final FailedDeliveries failures;
  final String replyQueue;
  private final ReopeningChannel topology;

  /** A declaration on the topology channel. */
  @FunctionalInterface
  interface Declaration<T> {
    T declare(Channel channel) throws IOException;
  }

  private AmqpSession(Connection connection, ConnectionState state, ScheduledExecutorService scheduler,
      PendingInvocations pending, ReopeningChannel topology,
      ReopeningChannel commands, ConfirmingPublisher confirming, ResponsePublisher responses,
      FailedDeliveries failures, String replyQueue) {
    this.connection = connection;
    this.topology = topology;
    this.state = state;
    this.scheduler = scheduler;
    this.pending = pending;
    this.commands = commands;
    this.confirming = confirming;
    this.responses = responses;
    this.failures = failures;
    this.replyQueue = replyQueue;
  }

  /** Connects, declares the shared topology and this instance's reply queue, and starts consuming replies. */
  static AmqpSession open(AmqpBridgeConfig config, AmqpTopology topology, AmqpNames names,
      MessageConverter converter) throws IOException, TimeoutException {
    AmqpConnector connector = new AmqpConnector(config);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
        AmqpConnector.daemonThreads("purista-amqp-timer-"));
    PendingInvocations pending = new PendingInvocations("amqp");
    Connection connection = null;
    try {
      connection = connector.connect();
      ConnectionState state = new ConnectionState(config.connectionName());
      connection.addShutdownListener(state);
      ((Recoverable) connection).addRecoveryListener(state);

      // The client recovers a queue or binding through the channel that declared it, so every declaration goes
      // through this one channel, which lives as long as the connection; consumers have channels of their own.
      ReopeningChannel declarations = new ReopeningChannel(connection, "topology", scheduler, channel -> { });
      topology.declareExchanges(declarations.getOrReopen());

      ReopeningChannel commands = new ReopeningChannel(connection, "command", scheduler,
          channel -> channel.addReturnListener(new ReturnedCommands(pending)));
      ConfirmingPublisher confirming = new ConfirmingPublisher(connection, scheduler);
      ResponsePublisher responses = new ResponsePublisher(commands, confirming, converter, names,
          config.defaultCommandTimeout());
      FailedDeliveries failures = new FailedDeliveries(confirming, names, config.defaultCommandTimeout(),
          scheduler);

      String replyQueue = topology.declareReplyQueue(declarations.getOrReopen(), config.instanceId());
      Channel replies = connection.createChannel();
      replies.basicConsume(replyQueue, true, new ReplyConsumer(replies, converter, pending));
      return new AmqpSession(connection, state, scheduler, pending, declarations, commands, confirming, responses,
          failures, replyQueue);
    } catch (IOException | TimeoutException | RuntimeException e) {
      if (connection != null) {
        connection.abort(1_000);
      }
      pending.close();
      scheduler.shutdownNow();
      throw e;
    }
  }

  /**
   * Runs {@code declaration} on the topology channel, one at a time. After a channel error (such as a queue
   * declared with other arguments before) the next declaration gets a new channel; the failed one stays with the
   * connection, so that what it declared earlier is still recovered.
   */
  <T> T declare(Declaration<T> declaration) throws IOException {
    synchronized (topology) {
      return declaration.declare(topology.getOrReopen());
    }
  }

  /**
   * The last steps of a graceful stop, once consumers are cancelled and handlers drained: wait for our own
   * calls and confirms within what is left of {@code grace}, fail what still waits, then close.
   */
  void close(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while ((pending.size() > 0 || confirming.unsettled() > 0) && System.nanoTime() < deadline
        && !Thread.currentThread().isInterrupted()) {
      sleepBriefly();
    }
    if (pending.size() > 0) {
      LOG.warn("{} calls still waiting for a response when the bridge stopped; they fail now", pending.size());
    }
    pending.close();
    confirming.close("The event bridge stopped before RabbitMQ confirmed the message");
    commands.close();
    try {
      connection.close((int) Math.max(1_000, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing the connection: {}", e.toString());
      connection.abort(1_000);
    }
    scheduler.shutdownNow();
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
