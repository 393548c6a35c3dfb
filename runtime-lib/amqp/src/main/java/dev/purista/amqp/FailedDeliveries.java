package dev.purista.amqp;

import com.rabbitmq.client.AMQP;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a message that could not be handled: a durable subscription's message is delivered again, up
 * to {@code maxRetries} times, then moved to the dead-letter queue; a malformed message goes to the dead-letter
 * queue at once. The original is acknowledged only after the broker confirmed its copy, so a crash in between
 * repeats the message instead of losing it.
 *
 * <p>Retries are counted in a header of the message itself, because classic queues do not count redeliveries;
 * the copy goes to the back of the queue after {@code retryDelay}, so one failing message does not block the
 * ones behind it.
 */
final class FailedDeliveries {
  private static final Logger LOG = LoggerFactory.getLogger(FailedDeliveries.class);
  /** Keeps dead-letter headers readable in the management UI even when an exception message is long. */
  private static final int MAX_REASON_LENGTH = 500;

  private final ConfirmingPublisher publisher;
  private final AmqpNames names;
  private final int maxRetries;
  private final Duration retryDelay;
  private final Duration publishDeadline;
  private final ScheduledExecutorService scheduler;

  FailedDeliveries(ConfirmingPublisher publisher, AmqpNames names, int maxRetries, Duration retryDelay,
      Duration publishDeadline, ScheduledExecutorService scheduler) {
    this.publisher = publisher;
    this.names = names;
    this.maxRetries = maxRetries;
    this.retryDelay = retryDelay;
    this.publishDeadline = publishDeadline;
    this.scheduler = scheduler;
  }

  /** A durable subscription's handler failed on {@code delivery}. */
  void retryOrDeadLetter(Delivery delivery, Throwable failure) {
    int retries = RoutingHeaders.retries(delivery.properties().getHeaders());
    if (retries >= maxRetries) {
      deadLetter(delivery, "handler failed on " + (retries + 1) + " deliveries, last: " + describe(failure));
      return;
    }
    LOG.info("message {} on {} failed ({}); delivering it again in {} ms (retry {} of {})", delivery.messageId(),
        delivery.queue(), describe(failure), retryDelay.toMillis(), retries + 1, maxRetries);
    Map<String, Object> headers = copyHeaders(delivery.properties());
    headers.put(RoutingHeaders.RETRIES, retries + 1);
    AMQP.BasicProperties again = delivery.properties().builder()
        .headers(headers)
        .deliveryMode(MessageConverter.PERSISTENT)
        .build();
    // Straight to the queue through the default exchange: the retry is for this subscription only.
    Runnable republish = () -> publisher.publish("", delivery.queue(), again, delivery.body(), publishDeadline)
        .whenComplete((ok, error) -> settle(delivery, error, "retry"));
    if (retryDelay.isZero()) {
      republish.run();
    } else {
      scheduler.schedule(republish, retryDelay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Moves {@code delivery} to the dead-letter queue with {@code reason} in a header. */
  void deadLetter(Delivery delivery, String reason) {
    String oneLine = reason.replaceAll("\\s+", " ");
    String shortReason = oneLine.length() > MAX_REASON_LENGTH ? oneLine.substring(0, MAX_REASON_LENGTH) : oneLine;
    LOG.warn("dead-lettering message {} from {}: {}", delivery.messageId(), delivery.queue(), shortReason);
    Map<String, Object> headers = copyHeaders(delivery.properties());
    headers.put(RoutingHeaders.DEAD_LETTER_REASON, shortReason);
    headers.put(RoutingHeaders.DEAD_LETTER_QUEUE, delivery.queue());
    AMQP.BasicProperties properties = delivery.properties().builder()
        .headers(headers)
        .deliveryMode(MessageConverter.PERSISTENT)
        .expiration(null)
        .build();
    publisher.publish(names.deadLetterExchange(), delivery.queue(), properties, delivery.body(), publishDeadline)
        .whenComplete((ok, error) -> settle(delivery, error, "dead-letter"));
  }

  private static void settle(Delivery delivery, Throwable error, String what) {
    if (error == null) {
      delivery.ack();
    } else {
      LOG.error("{} copy of message {} from {} was not confirmed ({}); leaving it to the broker to deliver again",
          what, delivery.messageId(), delivery.queue(), error.getMessage());
      delivery.requeue();
    }
  }

  private static Map<String, Object> copyHeaders(AMQP.BasicProperties properties) {
    Map<String, Object> headers = properties.getHeaders();
    return headers == null ? new HashMap<>() : new HashMap<>(headers);
  }

  static String describe(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  /** A short, printable preview of a body that is not a message, for logs. */
  static String preview(byte[] body) {
    int length = Math.min(body.length, 80);
    return new String(body, 0, length, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?")
        + (body.length > length ? "..." : "");
  }
}
