package dev.purista.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.support.BrokerDelivery;
import dev.purista.core.spi.support.DeliveryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes messages off one subscription queue and hands each to the shared {@link DeliveryPolicy}, which decides
 * between acknowledging, retrying and dead-lettering; this class says how RabbitMQ does each. A subscription that
 * is not durable consumes with automatic acknowledgement, so settling its messages only counts them as done.
 */
final class SubscriptionConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionConsumer.class);

  private final ConsumerChannel registration;
  private final SubscriptionEndpoint endpoint;
  private final MessageConverter converter;
  private final FailedDeliveries failures;
  private final DeliveryPolicy policy;

  SubscriptionConsumer(Channel channel, ConsumerChannel registration, SubscriptionEndpoint endpoint,
      MessageConverter converter, FailedDeliveries failures, DeliveryPolicy policy) {
    super(channel);
    this.registration = registration;
    this.endpoint = endpoint;
    this.converter = converter;
    this.failures = failures;
    this.policy = policy;
  }

  @Override
  public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    if (!registration.begin(envelope.getDeliveryTag())) {
      return;
    }
    policy.accept(new QueuedDelivery(new Delivery(registration, envelope.getDeliveryTag(), properties, body)),
        endpoint);
  }

  @Override
  public void handleCancel(String consumerTag) {
    LOG.error("RabbitMQ cancelled the consumer of subscription queue {} (was the queue deleted?)",
        registration.queue());
  }

  /** A message of a subscription queue; its retries are counted in a header, since classic queues do not. */
  private final class QueuedDelivery implements BrokerDelivery {
    private final Delivery delivery;

    QueuedDelivery(Delivery delivery) {
      this.delivery = delivery;
    }

    @Override
    public Message decode() throws MalformedMessageException {
      return converter.read(delivery.body());
    }

    @Override
    public int attempt() {
      return RoutingHeaders.retries(delivery.properties().getHeaders()) + 1;
    }

    @Override
    public String source() {
      return "queue " + delivery.queue();
    }

    @Override
    public CompletableFuture<Void> ack() {
      delivery.ack();
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> retry(Duration delay) {
      return failures.retry(delivery, delay);
    }

    @Override
    public CompletableFuture<Void> deadLetter(String reason) {
      return failures.deadLetter(delivery, reason);
    }

    @Override
    public CompletableFuture<Void> release() {
      delivery.requeue();
      return CompletableFuture.completedFuture(null);
    }
  }
}
