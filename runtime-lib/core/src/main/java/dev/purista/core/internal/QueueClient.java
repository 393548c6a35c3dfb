package dev.purista.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.purista.core.EnqueueOptions;
import dev.purista.core.HandledError;
import dev.purista.core.JobState;
import dev.purista.core.QueueDefinition;
import dev.purista.core.Queues;
import dev.purista.core.StatusCode;
import dev.purista.core.message.Message;
import dev.purista.core.queue.spi.NewJob;
import dev.purista.core.queue.spi.QueueBridge;
import dev.purista.core.telemetry.TraceContexts;
import io.opentelemetry.api.trace.Span;
import java.util.Map;
import java.util.Optional;

/**
 * A service's way to enqueue: on the queues it declares only, each job bound to the queue's job type and validated
 * first (a 400 {@link HandledError} for the handler that enqueued it), so that an invalid job never reaches the
 * queue. The job carries the caller's trace id and span context on to its worker.
 */
final class QueueClient implements Queues {
  private final String service;
  private final Map<String, QueueDefinition<?>> declared;
  private final QueueBridge bridge;
  private final PayloadBinder binder;
  private final Validation validation;
  private final String traceId;
  private final String incomingOtp;

  QueueClient(String service, Map<String, QueueDefinition<?>> declared, QueueBridge bridge, PayloadBinder binder,
      Validation validation, String traceId) {
    this(service, declared, bridge, binder, validation, traceId, null);
  }

  private QueueClient(String service, Map<String, QueueDefinition<?>> declared, QueueBridge bridge,
      PayloadBinder binder, Validation validation, String traceId, String incomingOtp) {
    this.service = service;
    this.declared = declared;
    this.bridge = bridge;
    this.binder = binder;
    this.validation = validation;
    this.traceId = traceId;
    this.incomingOtp = incomingOtp;
  }

  /**
   * The same client for a handler of {@code handled}: its jobs carry the message's trace id, and its {@code otp}
   * when no span is recording (so that a hop without an SDK passes a trace on instead of breaking it).
   */
  QueueClient tracing(Message handled) {
    return new QueueClient(service, declared, bridge, binder, validation, handled.traceId(), handled.otp());
  }

  @Override
  public String enqueue(String queue, Object job, EnqueueOptions options) {
    QueueDefinition<?> definition = declared.get(queue);
    if (definition == null) {
      throw new IllegalArgumentException("service " + service + " declares no queue '" + queue + "'; declared: "
          + declared.keySet() + " (ServiceDefinition.Builder#queue)");
    }
    if (job == null) {
      throw new HandledError(StatusCode.BAD_REQUEST, "Invalid job: a job must not be null");
    }
    JsonNode tree = SharedMapper.MAPPER.valueToTree(job);
    Object bound = binder.bindInput(tree, definition.jobType(), "job");
    validation.checkInput(bound, "job");
    byte[] payload;
    try {
      payload = SharedMapper.MAPPER.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("job for queue " + queue + " cannot be written as JSON", e);
    }
    EnqueueOptions how = options == null ? EnqueueOptions.now() : options;
    return bridge.enqueue(queue, new NewJob(payload, how.notBefore(), how.idempotencyKey(), traceId, otp()))
        .jobId();
  }

  /** The context of the span current where the job is enqueued (the handler's), else the one passed on. */
  private String otp() {
    String current = TraceContexts.otp(Span.current());
    return current != null ? current : incomingOtp;
  }

  @Override
  public Optional<JobState> state(String queue, String jobId) {
    return bridge.state(queue, jobId);
  }
}
