package dev.purista.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.purista.core.message.MalformedMessageException;
import dev.purista.core.message.Message;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes messages off one subscription queue and hands those its filter matches to the endpoint.
 *
 * <ul>
 *   <li>Durable: the message is acknowledged after the handler succeeded; a failure is retried and finally
 *       dead-lettered (at least once).</li>
 *   <li>Not durable: the broker forgets the message once sent; a failure is logged (at most once).</li>
 *   <li>A malformed message is dead-lettered either way, and the consumer goes on.</li>
 * </ul>
 */
final class SubscriptionConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionConsumer.class);

  private final ConsumerChannel registration;
  private final SubscriptionSpec spec;
  private final SubscriptionEndpoint endpoint;
  private final MessageConverter converter;
  private final FailedDeliveries failures;

  SubscriptionConsumer(Channel channel, ConsumerChannel registration, SubscriptionSpec spec,
      SubscriptionEndpoint endpoint, MessageConverter converter, FailedDeliveries failures) {
    super(channel);
    this.registration = registration;
    this.spec = spec;
    this.endpoint = endpoint;
    this.converter = converter;
    this.failures = failures;
  }

  @Override
  public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    if (!registration.begin()) {
      return;
    }
    Delivery delivery = new Delivery(registration, envelope.getDeliveryTag(), properties, body);
    Message message;
    try {
      message = converter.read(body);
    } catch (MalformedMessageException e) {
      failures.deadLetter(delivery, "malformed message: " + e.getMessage() + " (body starts with '"
          + FailedDeliveries.preview(body) + "')");
      return;
    }
    if (!spec.filter().matches(message)) {
      // Routed here by headers that its body contradicts, or by a filter the broker cannot express fully.
      LOG.debug("message {} does not match the filter of {}; dropped", message.id(), registration.queue());
      delivery.ack();
      return;
    }
    CompletableFuture<Void> handled;
    try {
      handled = endpoint.deliver(message);
    } catch (RuntimeException e) {
      handled = CompletableFuture.failedFuture(e);
    }
    handled.whenComplete((ok, failure) -> {
      if (failure == null) {
        delivery.ack();
      } else if (spec.durable()) {
        failures.retryOrDeadLetter(delivery, failure);
      } else {
        LOG.warn("subscription {} failed on message {} and is not durable; the message is dropped ({})",
            spec.address().describe(), message.id(), FailedDeliveries.describe(failure));
        delivery.ack();
      }
    });
  }

  @Override
  public void handleCancel(String consumerTag) {
    LOG.error("RabbitMQ cancelled the consumer of subscription queue {} (was the queue deleted?)",
        registration.queue());
  }
}
