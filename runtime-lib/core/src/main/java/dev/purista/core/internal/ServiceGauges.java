package dev.purista.core.internal;

import dev.purista.core.QueueDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.telemetry.MetricNames;
import dev.purista.core.telemetry.SpanAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The metrics read when a reader asks rather than on every call: handlers in flight, and the depth of each queue
 * the service declares, where its queue bridge can tell. Closed with the service, so that a stopped service
 * reports nothing.
 */
final class ServiceGauges {
  private final List<AutoCloseable> registrations = new ArrayList<>();

  ServiceGauges(Telemetry telemetry, ServiceDefinition definition, HandlerExecutor executor, QueueBridge queues) {
    if (!telemetry.metrics()) {
      return;
    }
    Attributes service = Attributes.of(AttributeKey.stringKey(SpanAttributes.SERVICE_NAME), definition.name(),
        AttributeKey.stringKey(SpanAttributes.SERVICE_VERSION), definition.version());
    registrations.add(telemetry.meter().upDownCounterBuilder(MetricNames.IN_FLIGHT)
        .setDescription("Handlers of the service running now").setUnit("{handler}")
        .buildWithCallback(measurement -> measurement.record(executor.inFlight(), service)));
    for (QueueDefinition<?> queue : definition.queues()) {
      Attributes attributes = service.toBuilder().put(SpanAttributes.QUEUE_NAME, queue.name()).build();
      registrations.add(telemetry.meter().gaugeBuilder(MetricNames.QUEUE_DEPTH).ofLongs()
          .setDescription("Jobs waiting in the queue").setUnit("{job}")
          .buildWithCallback(measurement -> {
            OptionalLong depth = queues.depth(queue.name());
            if (depth.isPresent()) {
              measurement.record(depth.getAsLong(), attributes);
            }
          }));
    }
  }

  void close() {
    for (AutoCloseable registration : registrations) {
      try {
        registration.close();
      } catch (Exception e) {
        // An SDK's instrument close does not fail; nothing to do if one did.
      }
    }
    registrations.clear();
  }
}
