package dev.purista.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel that is opened again when the broker closed it with a channel error while the connection stayed up
 * (for example after a publish to an exchange an operator deleted). The client's automatic recovery only restores
 * channels after a connection failure; without this, one such error would silence the bridge for good.
 *
 * <p>{@link #get()} may run on the connection's I/O thread (see {@link InlineDispatch}), where waiting for the
 * broker would wait forever; it hands out the closed channel, so that one publish fails fast, and opens the new
 * one on {@code reopener}. {@link #getOrReopen()} opens it at once, for callers that may wait.
 */
final class ReopeningChannel {
  private static final Logger LOG = LoggerFactory.getLogger(ReopeningChannel.class);

  /** What every new channel needs before use, such as listeners. */
  @FunctionalInterface
  interface Setup {
    void apply(Channel channel) throws IOException;
  }

  private final Connection connection;
  private final String purpose;
  private final Executor reopener;
  private final Setup setup;
  private final AtomicBoolean reopening = new AtomicBoolean();
  private volatile Channel channel;

  ReopeningChannel(Connection connection, String purpose, Executor reopener, Setup setup) throws IOException {
    this.connection = connection;
    this.purpose = purpose;
    this.reopener = reopener;
    this.setup = setup;
    this.channel = open();
  }

  /** The channel, without ever waiting for the broker; a broken one is replaced in the background. */
  Channel get() {
    Channel current = channel;
    if (!current.isOpen() && connection.isOpen() && reopening.compareAndSet(false, true)) {
      reopener.execute(() -> {
        try {
          reopenIfBroken();
        } catch (IOException | RuntimeException e) {
          LOG.error("cannot open a new {} channel: {}", purpose, e.toString());
        } finally {
          reopening.set(false);
        }
      });
    }
    return current;
  }

  /** The channel, opened again first if the broker closed it; never call on the I/O thread. */
  Channel getOrReopen() throws IOException {
    reopenIfBroken();
    return channel;
  }

  /** Closes the channel; a closed channel is not recovered, nor is what it declared. */
  void close() {
    try {
      Channel current = channel;
      if (current.isOpen()) {
        current.close();
      }
    } catch (IOException | RuntimeException | java.util.concurrent.TimeoutException e) {
      LOG.debug("closing the {} channel: {}", purpose, e.toString());
    }
  }

  private synchronized void reopenIfBroken() throws IOException {
    Channel current = channel;
    if (current.isOpen() || !connection.isOpen()) {
      return;
    }
    LOG.warn("the {} channel was closed by the broker ({}); opening a new one", purpose,
        current.getCloseReason() == null ? "no reason" : current.getCloseReason().getMessage());
    channel = open();
  }

  private Channel open() throws IOException {
    Channel created = connection.createChannel();
    if (created == null) {
      throw new IOException("the broker has no channel left for the " + purpose + " channel");
    }
    setup.apply(created);
    return created;
  }
}
