package dev.purista.core.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.QueueDefinition;
import dev.purista.core.QueueWorkerDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.queue.memory.DefaultQueueBridge;
import dev.purista.core.queue.spi.LeasedJob;
import dev.purista.core.queue.spi.NewJob;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Queue depth, queue job spans and job metrics. */
class QueueTelemetryTest {
  record Mail(String to) {
  }

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
      .build();

  @Test
  void aJobsSpanIsAChildOfTheHandlerThatEnqueuedItInTheSameTrace() throws Exception {
    QueueDefinition<Mail> mails = QueueDefinition.builder("mails", Mail.class).build();
    CountDownLatch worked = new CountDownLatch(1);
    Application app = Application.builder(new DefaultEventBridge()).queueBridge(new DefaultQueueBridge())
        .openTelemetry(sdk)
        .service(ServiceDefinition.builder("shop", "1").queue(mails)
            .command(CommandDefinition.builder("order", Mail.class, Void.class, String.class)
                .handler((ctx, mail, ignored) -> ctx.queues().enqueue("mails", mail)).build())
            .build())
        .service(ServiceDefinition.builder("mailer", "1").queueWorker(QueueWorkerDefinition.builder("send", mails)
            .handler((ctx, mail) -> worked.countDown()).build()).build())
        .build().start();
    try {
      PuristaClient.of(app.bridge(), "test", sdk).invoke(MessageAddress.of("shop", "1", "order"), new Mail("ada"),
          null, String.class);
      assertTrue(worked.await(10, TimeUnit.SECONDS), "the job was worked");
      SpanData job = awaitSpan(SpanNames.QUEUE_JOB);
      SpanData order = spans.getFinishedSpanItems().stream()
          .filter(s -> s.getName().equals(SpanNames.COMMAND_RECEIVED)).findFirst().orElseThrow();

      assertEquals(order.getTraceId(), job.getTraceId(), "one trace from the command to its job");
      assertEquals(order.getSpanId(), job.getParentSpanId(), "the job's parent is the handler that enqueued it");
      assertEquals(SpanKind.CONSUMER, job.getKind());
    } finally {
      app.stop();
      sdk.close();
    }
  }

  @Test
  void withoutAnSdkAJobCarriesTheOtpItsHandlerReceivedUnchanged() throws Exception {
    DefaultQueueBridge queues = new DefaultQueueBridge();
    QueueDefinition<Mail> mails = QueueDefinition.builder("mails", Mail.class).build();
    Application app = Application.builder(new DefaultEventBridge()).queueBridge(queues)
        .openTelemetry(OpenTelemetry.noop())
        .service(ServiceDefinition.builder("shop", "1").queue(mails)
            .command(CommandDefinition.builder("order", Mail.class, Void.class, String.class)
                .handler((ctx, mail, ignored) -> ctx.queues().enqueue("mails", mail)).build())
            .build())
        .build().start();
    try {
      String otp = Otp.format("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null);
      Message order = Message.builder(MessageType.COMMAND).correlationId(MessageIds.newId()).otp(otp)
          .sender(new MessageAddress("test", "1", "run", "caller-1"))
          .receiver(MessageAddress.of("shop", "1", "order"))
          .payload(new CommandPayload(new Mail("ada"), null)).build();
      Message answer = app.bridge().invoke(order, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
      assertEquals(MessageType.COMMAND_SUCCESS_RESPONSE, answer.messageType());

      LeasedJob job = queues.lease("mails", Duration.ofSeconds(30), Duration.ofSeconds(5)).orElseThrow();
      assertEquals(otp, job.otp(), "a hop without an SDK passes the trace on to the job");
    } finally {
      app.stop();
    }
  }

  private SpanData awaitSpan(String name) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      for (SpanData span : spans.getFinishedSpanItems()) {
        if (span.getName().equals(name)) {
          return span;
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no " + name + " span among " + spans.getFinishedSpanItems());
  }

  @Test
  void theDepthOfADeclaredQueueIsObservedAndJobsAreTracedAndCounted() throws Exception {
    DefaultQueueBridge queues = new DefaultQueueBridge();
    QueueDefinition<Mail> mails = QueueDefinition.builder("mails", Mail.class).build();
    QueueDefinition<Mail> later = QueueDefinition.builder("later", Mail.class).build();
    CountDownLatch worked = new CountDownLatch(2);
    Application app = Application.builder(new DefaultEventBridge()).queueBridge(queues).openTelemetry(sdk)
        .service(ServiceDefinition.builder("shop", "1").queue(later).build())
        .service(ServiceDefinition.builder("mailer", "1").queueWorker(QueueWorkerDefinition.builder("send", mails)
            .handler((ctx, mail) -> worked.countDown()).build()).build())
        .build().start();
    try {
      byte[] job = "{\"to\":\"ada\"}".getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 3; i++) {
        queues.enqueue("later", new NewJob(job, null, null, "trace-" + i));
      }
      queues.enqueue("mails", new NewJob(job, null, null, "t1"));
      queues.enqueue("mails", new NewJob(job, null, null, "t2"));
      assertTrue(worked.await(10, TimeUnit.SECONDS), "the jobs were worked");

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(SpanNames.QUEUE_JOB)).count() < 2
          && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(2, spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(SpanNames.QUEUE_JOB))
          .count());
      Map<String, Long> depth = new HashMap<>();
      long jobs = 0;
      for (MetricData metric : metrics.collectAllMetrics()) {
        if (metric.getName().equals(MetricNames.QUEUE_DEPTH)) {
          for (LongPointData point : metric.getLongGaugeData().getPoints()) {
            depth.put(point.getAttributes().get(AttributeKey.stringKey(SpanAttributes.QUEUE_NAME)), point.getValue());
          }
        }
        if (metric.getName().equals(MetricNames.QUEUE_JOBS)) {
          jobs = metric.getLongSumData().getPoints().stream().mapToLong(LongPointData::getValue).sum();
        }
      }
      assertEquals(3L, depth.get("later"), "three jobs wait in the queue nobody works: " + depth);
      assertEquals(2, jobs, "two jobs were run");
    } finally {
      app.stop();
      sdk.close();
    }
  }
}
