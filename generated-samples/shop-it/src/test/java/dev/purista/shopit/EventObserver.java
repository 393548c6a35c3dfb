package dev.purista.shopit;

import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.spi.EventBridge;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A purista application of the test's own on the broker, subscribed to {@code email.sent}: it sees the events
 * the email service's processes emit, as any other service would.
 */
final class EventObserver implements AutoCloseable {
  /** The payload of {@code email.sent} in the test build: whom the welcome went to, and which process sent it. */
  record EmailSent(String userId, long sentBy) {
  }

  private final Map<String, EmailSent> sent = new ConcurrentHashMap<>();
  private final Application application;

  EventObserver(EventBridge bridge) {
    application = Application.builder(bridge)
        .service(ServiceDefinition.builder("shopItObserver", "1")
            .subscription(SubscriptionDefinition.builder("emailSent", EmailSent.class, Void.class)
                .event("email.sent")
                .handler((context, payload) -> {
                  sent.put(payload.userId(), payload);
                  return null;
                })
                .build())
            .build())
        .build()
        .start();
  }

  /** The {@code email.sent} event for {@code userId}, waiting up to {@code wait}. */
  EmailSent awaitSentTo(String userId, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      EmailSent event = sent.get(userId);
      if (event != null) {
        return event;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no email.sent for user " + userId + " in " + wait);
  }

  @Override
  public void close() {
    application.close();
  }
}
