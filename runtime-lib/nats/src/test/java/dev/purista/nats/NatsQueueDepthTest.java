package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.QueueDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.telemetry.MetricNames;
import dev.purista.core.telemetry.SpanAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The NATS queue bridge reports queue depth from JetStream's stream info, and the {@code purista.queue.depth} gauge
 * of a service that declares the queue reads it, on the real server.
 */
class NatsQueueDepthTest {
  static final NatsQueueConfig CONFIG = QueueTestSupport.config(NatsTestSupport.brokerUrl());
  private static final byte[] JOB = "{\"to\":\"ada\"}".getBytes(StandardCharsets.UTF_8);

  record Mail(String to) {
  }

  @AfterAll
  static void deleteStreamsAndBuckets() throws Exception {
    QueueTestSupport.delete(NatsTestSupport.brokerUrl(), CONFIG);
  }

  @Test
  void theDepthCountsWaitingAndRunningJobsOfItsQueueAndTheGaugeReadsIt() throws Exception {
    InMemoryMetricReader metrics = InMemoryMetricReader.create();
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build();
    NatsQueueBridge queues = NatsQueueBridge.of(CONFIG);
    Application app = Application.builder(new DefaultEventBridge()).queueBridge(queues).openTelemetry(sdk)
        .service(ServiceDefinition.builder("shop", "1")
            .queue(QueueDefinition.builder("mails", Mail.class).build())
            .queue(QueueDefinition.builder("invoices", Mail.class).build()).build())
        .build().start();
    try {
      assertEquals(OptionalLong.of(0), queues.depth("mails"), "nothing enqueued yet");
      queues.enqueue("mails", new NewJob(JOB, null, null, null));
      queues.enqueue("mails", new NewJob(JOB, Instant.now().plusSeconds(60), null, null));
      queues.enqueue("mails", new NewJob(JOB, null, null, null));
      queues.enqueue("invoices", new NewJob(JOB, null, null, null));
      assertEquals(OptionalLong.of(3), queues.depth("mails"), "due and delayed jobs, this queue's only");
      assertEquals(OptionalLong.of(1), queues.depth("invoices"));

      LeasedJob running = queues.lease("mails", Duration.ofSeconds(30), Duration.ofSeconds(10)).orElseThrow();
      assertEquals(OptionalLong.of(3), queues.depth("mails"), "a running job's message stays until its job ends");
      Map<String, Long> gauge = depthGauge(metrics);
      assertEquals(3L, gauge.get("mails"), gauge::toString);
      assertEquals(1L, gauge.get("invoices"), gauge::toString);

      assertTrue(queues.complete(running));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!queues.depth("mails").equals(OptionalLong.of(2)) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(OptionalLong.of(2), queues.depth("mails"), "a completed job leaves the stream");
    } finally {
      app.stop();
      queues.close();
      sdk.close();
    }
  }

  private static Map<String, Long> depthGauge(InMemoryMetricReader metrics) {
    Map<String, Long> depth = new HashMap<>();
    for (MetricData metric : metrics.collectAllMetrics()) {
      if (metric.getName().equals(MetricNames.QUEUE_DEPTH)) {
        for (LongPointData point : metric.getLongGaugeData().getPoints()) {
          depth.put(point.getAttributes().get(AttributeKey.stringKey(SpanAttributes.QUEUE_NAME)), point.getValue());
        }
      }
    }
    return depth;
  }
}
