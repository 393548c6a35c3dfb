package dev.purista.amqp;

import dev.purista.core.spi.support.InFlight;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Consumer;
import dev.purista.core.spi.Registration;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registered endpoint's own channel and consumer, and the registration that ends it. Each endpoint has its
 * own channel so that its prefetch bounds its own work and a channel error stops only it.
 *
 * <p>Closing it cancels the consumer at once but keeps the channel open until every delivery it started is
 * settled, because an acknowledgement sent after the channel closed is lost and the message would be delivered
 * a second time.
 */
final class ConsumerChannel implements Registration {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerChannel.class);

  private final Channel channel;
  private final String queue;
  private final boolean autoAck;
  private final InFlight bridgeInFlight;
  private final java.util.function.Consumer<ConsumerChannel> onClosed;
  private final Executor closer;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile String consumerTag;

  /**
   * @param autoAck {@code true}: the broker forgets a message once sent (at most once), and settling it here
   *     only counts it as done
   */
  ConsumerChannel(Channel channel, String queue, boolean autoAck, InFlight bridgeInFlight, Executor closer,
      java.util.function.Consumer<ConsumerChannel> onClosed) {
    this.channel = channel;
    this.closer = closer;
    this.queue = queue;
    this.autoAck = autoAck;
    this.bridgeInFlight = bridgeInFlight;
    this.onClosed = onClosed;
  }

  void consume(Consumer consumer) throws IOException {
    consumerTag = channel.basicConsume(queue, autoAck, consumer);
  }

  String queue() {
    return queue;
  }

  /**
   * Starts a delivery; {@code false} when the registration is closing and the delivery must be left alone. One
   * that arrives after the consumer was cancelled goes back to the queue at once, for another instance.
   */
  boolean begin(long deliveryTag) {
    if (closed.get()) {
      return false;
    }
    if (closing.get() && !autoAck) {
      try {
        channel.basicNack(deliveryTag, false, true);
      } catch (IOException | AlreadyClosedException e) {
        LOG.debug("handing back a message to {} failed: {}", queue, e.toString());
      }
      return false;
    }
    inFlight.incrementAndGet();
    bridgeInFlight.begin();
    return true;
  }

  /** Settles a delivery as done. */
  void ack(long deliveryTag) {
    try {
      if (!autoAck) {
        channel.basicAck(deliveryTag, false);
      }
    } catch (IOException | AlreadyClosedException e) {
      // The connection or channel went away; the broker delivers the message again, so nothing is lost.
      LOG.debug("ack of a message from {} failed: {}", queue, e.toString());
    } finally {
      end();
    }
  }

  /** Settles a delivery as not done: the broker delivers it again. */
  void requeue(long deliveryTag) {
    try {
      if (!autoAck) {
        channel.basicNack(deliveryTag, false, true);
      }
    } catch (IOException | AlreadyClosedException e) {
      LOG.debug("requeue of a message from {} failed: {}", queue, e.toString());
    } finally {
      end();
    }
  }

  /** Stops new deliveries; the channel stays open until those in flight are settled. */
  void cancel() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    String tag = consumerTag;
    try {
      if (tag != null && channel.isOpen()) {
        channel.basicCancel(tag);
      }
    } catch (IOException | AlreadyClosedException e) {
      LOG.debug("cancel of the consumer on {} failed: {}", queue, e.toString());
    }
    if (inFlight.get() == 0) {
      closeChannel();
    }
  }

  @Override
  public void close() {
    cancel();
  }

  private void end() {
    bridgeInFlight.end();
    if (inFlight.decrementAndGet() == 0 && closing.get()) {
      // Settling can run on the client's I/O thread (after a publisher confirm), and closing a channel waits for
      // the broker's answer, which that very thread would have to read.
      closer.execute(this::closeChannel);
    }
  }

  /** Closes the channel at once, settled or not; used when the whole bridge stops. */
  void closeChannel() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException | AlreadyClosedException | TimeoutException e) {
      LOG.debug("closing the channel of {} failed: {}", queue, e.toString());
    } finally {
      onClosed.accept(this);
    }
  }
}
