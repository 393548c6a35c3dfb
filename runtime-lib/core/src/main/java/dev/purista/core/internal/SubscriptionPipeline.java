package dev.purista.core.internal;

import dev.purista.core.HandledError;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.telemetry.SpanNames;
import io.opentelemetry.api.trace.SpanKind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one subscription for each delivered message: bind the payload, call the handler, emit its result as the
 * output event. A failure is logged and reported to the bridge through the future, which decides on
 * redelivery; it never reaches the bridge's own threads.
 */
final class SubscriptionPipeline<P, R> implements SubscriptionEndpoint {
  private final SubscriptionDefinition<P, R> definition;
  private final ServiceResources resources;
  private final MessageAddress self;
  private final Logger logger;
  private final FunctionMetrics metrics;

  SubscriptionPipeline(SubscriptionDefinition<P, R> definition, ServiceResources resources, MessageAddress self) {
    this.definition = definition;
    this.resources = resources;
    this.self = self;
    this.logger = LoggerFactory.getLogger("purista." + self.serviceName() + ".v" + self.serviceVersion() + "."
        + definition.name());
    this.metrics = resources.telemetry().subscriptions(self.serviceName(), self.serviceVersion(),
        definition.name());
  }

  @Override
  public CompletableFuture<Void> deliver(Message message) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      resources.executor().execute(() -> run(message, done));
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  void run(Message message, CompletableFuture<Void> done) {
    long start = metrics.start();
    HandlerSpan span = HandlerSpan.start(resources.telemetry(), SpanNames.SUBSCRIPTION_EVENT_RECEIVED,
        SpanKind.CONSUMER, message, self);
    HandlerMdc mdc = HandlerMdc.open(self.serviceName(), "subscription", definition.name(), message, span.span());
    try {
      try {
        RuntimeContext context = new RuntimeContext(message, logger, resources, self);
        P payload = resources.binder().bindInput(message.payload(), definition.payloadType(), "payload");
        resources.validation().checkInput(payload, "payload");
        R output = definition.handler().handle(context, payload);
        if (output != null && definition.emitEventName().isPresent()) {
          context.emit(definition.emitEventName().get(), output);
        }
        metrics.record(start, null);
        done.complete(null);
      } catch (HandledError e) {
        logger.warn("subscription refused message {} ({}): {}", message.id(), message.eventName(), e.getMessage());
        span.failed(e);
        metrics.record(start, e);
        done.completeExceptionally(e);
      } catch (Exception | LinkageError | AssertionError e) {
        logger.error("subscription failed on message {} ({})", message.id(), message.eventName(), e);
        span.failed(e);
        metrics.recordFailure(start);
        done.completeExceptionally(e);
      }
    } finally {
      mdc.close();
      span.end();
    }
  }
}
