package dev.purista.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.EventBridge;
import dev.purista.testkit.BrokerBridgeContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;

/**
 * The shared bridge contract against the real RabbitMQ. Each {@link #newBridge()} is a bridge with its own
 * connection and instance id, like another process on the same broker.
 */
class AmqpBridgeContractTest extends BrokerBridgeContract {
  private static final String PREFIX = TestBroker.uniquePrefix("contract");
  private static final AmqpNames NAMES = new AmqpNames(PREFIX, PREFIX);

  @Override
  protected EventBridge newBridge() {
    return new AmqpBridge(TestBroker.config(PREFIX).build());
  }

  @Override
  protected InetSocketAddress brokerAddress() {
    URI url = URI.create(TestBroker.URL);
    return new InetSocketAddress(url.getHost(), url.getPort() == -1 ? 5672 : url.getPort());
  }

  @Override
  protected EventBridge newBridgeAt(String host, int port) {
    URI url = URI.create(TestBroker.URL);
    String through = url.getScheme() + "://" + (url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@")
        + host + ":" + port + (url.getRawPath() == null ? "" : url.getRawPath());
    return new AmqpBridge(TestBroker.config(PREFIX).url(through).build());
  }

  /**
   * Takes the dead letters of the one subscription queue off the shared dead-letter queue, leaving those of other
   * queues to nobody: the queue is deleted with the test class's topology.
   */
  @Override
  protected DeadLetterWatch watchDeadLetters(MessageAddress subscription) {
    String queue = NAMES.sharedSubscriptionQueue(subscription);
    Connection connection = TestBroker.connect();
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    return new DeadLetterWatch() {
      @Override
      public List<DeadLetter> received() {
        try (Channel channel = connection.createChannel()) {
          channel.queueDeclare(NAMES.deadLetterQueue(), true, false, false, null);
          for (GetResponse got = channel.basicGet(NAMES.deadLetterQueue(), true); got != null;
              got = channel.basicGet(NAMES.deadLetterQueue(), true)) {
            Map<String, Object> headers = got.getProps().getHeaders();
            if (queue.equals(String.valueOf(headers.get(RoutingHeaders.DEAD_LETTER_QUEUE)))) {
              letters.add(new DeadLetter(got.getBody(), String.valueOf(headers.get(RoutingHeaders.DEAD_LETTER_REASON)),
                  RoutingHeaders.retries(headers) + 1));
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
          throw new IllegalStateException(e);
        }
        return letters;
      }

      @Override
      public void close() {
        try {
          connection.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  @AfterAll
  static void deleteTopology() {
    TestBroker.deleteEverything(PREFIX);
  }
}
