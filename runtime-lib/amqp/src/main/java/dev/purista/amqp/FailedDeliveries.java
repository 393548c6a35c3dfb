package dev.purista.amqp;

import com.rabbitmq.client.AMQP;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RabbitMQ's ways to retry and dead-letter a message; when to use which is the shared {@code DeliveryPolicy}'s
 * call. The original is acknowledged only after the broker confirmed its copy, so a crash in between repeats the
 * message instead of losing it.
 *
 * <p>Retries are counted in a header of the message itself, because classic queues do not count redeliveries;
 * the copy goes to the back of the queue after the retry delay, so one failing message does not block the ones
 * behind it.
 */
final class FailedDeliveries {
  private static final Logger LOG = LoggerFactory.getLogger(FailedDeliveries.class);
  /** Keeps dead-letter headers readable in the management UI even when an exception message is long. */
  private static final int MAX_REASON_LENGTH = 500;

  private final ConfirmingPublisher publisher;
  private final AmqpNames names;
  private final Duration publishDeadline;
  private final ScheduledExecutorService scheduler;

  FailedDeliveries(ConfirmingPublisher publisher, AmqpNames names, Duration publishDeadline,
      ScheduledExecutorService scheduler) {
    this.publisher = publisher;
    this.names = names;
    this.publishDeadline = publishDeadline;
    this.scheduler = scheduler;
  }

  /**
   * Delivers {@code delivery} again after {@code delay}: a copy with its retry count raised goes to the back of
   * its queue. Completes once the original is settled.
   */
  CompletableFuture<Void> retry(Delivery delivery, Duration delay) {
    int retries = RoutingHeaders.retries(delivery.properties().getHeaders());
    Map<String, Object> headers = copyHeaders(delivery.properties());
    headers.put(RoutingHeaders.RETRIES, retries + 1);
    AMQP.BasicProperties again = delivery.properties().builder()
        .headers(headers)
        .deliveryMode(MessageConverter.PERSISTENT)
        .build();
    CompletableFuture<Void> settled = new CompletableFuture<>();
    // Straight to the queue through the default exchange: the retry is for this subscription only.
    Runnable republish = () -> publisher.publish("", delivery.queue(), again, delivery.body(), publishDeadline)
        .whenComplete((ok, error) -> settle(delivery, error, "retry", settled));
    if (delay.isZero()) {
      republish.run();
    } else {
      scheduler.schedule(republish, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
    return settled;
  }

  /**
   * Moves {@code delivery} to the dead-letter queue with {@code reason} in a header. Completes once the original
   * is settled: acknowledged after the broker confirmed the copy, or requeued when it did not.
   */
  CompletableFuture<Void> deadLetter(Delivery delivery, String reason) {
    String oneLine = reason.replaceAll("\\s+", " ");
    String shortReason = oneLine.length() > MAX_REASON_LENGTH ? oneLine.substring(0, MAX_REASON_LENGTH) : oneLine;
    Map<String, Object> headers = copyHeaders(delivery.properties());
    headers.put(RoutingHeaders.DEAD_LETTER_REASON, shortReason);
    headers.put(RoutingHeaders.DEAD_LETTER_QUEUE, delivery.queue());
    AMQP.BasicProperties properties = delivery.properties().builder()
        .headers(headers)
        .deliveryMode(MessageConverter.PERSISTENT)
        .expiration(null)
        .build();
    CompletableFuture<Void> settled = new CompletableFuture<>();
    publisher.publish(names.deadLetterExchange(), delivery.queue(), properties, delivery.body(), publishDeadline)
        .whenComplete((ok, error) -> settle(delivery, error, "dead-letter", settled));
    return settled;
  }

  private static void settle(Delivery delivery, Throwable error, String what, CompletableFuture<Void> settled) {
    try {
      if (error == null) {
        delivery.ack();
      } else {
        LOG.error("{} copy of a message from {} was not confirmed ({}); leaving it to the broker to deliver again",
            what, delivery.queue(), error.getMessage());
        delivery.requeue();
      }
    } finally {
      settled.complete(null);
    }
  }

  private static Map<String, Object> copyHeaders(AMQP.BasicProperties properties) {
    Map<String, Object> headers = properties.getHeaders();
    return headers == null ? new HashMap<>() : new HashMap<>(headers);
  }

  /** A short, printable preview of a body that is not a message, for logs. */
  static String preview(byte[] body) {
    int length = Math.min(body.length, 80);
    return new String(body, 0, length, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?")
        + (body.length > length ? "..." : "");
  }
}
