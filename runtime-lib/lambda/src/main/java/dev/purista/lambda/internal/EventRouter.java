package dev.purista.lambda.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.StatusCode;
import dev.purista.http.gateway.HttpGateway;
import dev.purista.http.gateway.HttpRequest;
import dev.purista.http.gateway.HttpResponse;
import dev.purista.http.gateway.Problem;
import dev.purista.lambda.InvalidEventException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an invocation event's kind by its JSON shape and answers it: API Gateway 2.0 and function URL events,
 * 1.0 events, SQS batches, SNS and EventBridge events, direct invocations. Anything else is an {@link InvalidEventException}, and nothing is
 * invoked.
 */
public final class EventRouter {
  private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);
  /** What the gateway may take beyond the command's deadline to turn a timeout into its 504. */
  private static final Duration GATEWAY_GRACE = Duration.ofSeconds(3);

  private final HttpGateway gateway;
  private final long maxBodyBytes;
  private final long maxEventBytes;
  private final Duration margin;
  private final DirectInvocations direct;
  private final SqsBatches sqs;
  private final NotificationEvents notifications;
  private final ObjectMapper mapper = LambdaJson.mapper();

  public EventRouter(HttpGateway gateway, LocalSubscriptions bridge, long maxBodyBytes, long maxEventBytes,
      Duration margin) {
    this.gateway = gateway;
    this.maxBodyBytes = maxBodyBytes;
    this.maxEventBytes = maxEventBytes;
    this.margin = margin;
    this.direct = new DirectInvocations(bridge);
    this.sqs = new SqsBatches(bridge);
    this.notifications = new NotificationEvents(bridge);
  }

  /**
   * The answer to {@code event}, as JSON. {@code traceId} is used for the messages this invocation sends unless
   * the event carries a trace id of its own.
   *
   * @throws InvalidEventException when the event is too large, not JSON, or of an unknown shape
   */
  public byte[] answer(byte[] event, String traceId, Duration remaining) {
    if (event.length > maxEventBytes) {
      String message = "The event has " + event.length + " bytes; the limit is " + maxEventBytes
          + " (PURISTA_LAMBDA_MAX_EVENT_BYTES)";
      LOG.error("{}; nothing was invoked", message);
      throw new InvalidEventException(message);
    }
    JsonNode json = parse(event);
    Duration deadline = Deadlines.commandDeadline(gateway.commandTimeout(), remaining, margin);
    JsonNode answer;
    if (HttpEvents.isV2(json)) {
      answer = HttpEvents.toV2(http(HttpEvents::fromV2, json, traceId, deadline));
    } else if (HttpEvents.isV1(json)) {
      answer = HttpEvents.toV1(http(HttpEvents::fromV1, json, traceId, deadline));
    } else if (SqsBatches.matches(json)) {
      answer = sqs.answer(json, traceId, deadline);
    } else if (NotificationEvents.isSns(json)) {
      answer = notifications.answerSns(json, traceId, deadline);
    } else if (NotificationEvents.isEventBridge(json)) {
      answer = notifications.answerEventBridge(json, traceId, deadline);
    } else if (DirectInvocations.matches(json)) {
      answer = direct.answer(json, traceId, deadline);
    } else {
      String message = "Unknown event shape with fields " + fieldNames(json) + "; expected an API Gateway 1.0 or "
          + "2.0 or function URL event, an SQS batch, an SNS or EventBridge event, or a direct invocation {service, version, command, payload, "
          + "parameter}";
      LOG.error("{}; nothing was invoked", message);
      throw new InvalidEventException(message);
    }
    try {
      return mapper.writeValueAsBytes(answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private JsonNode parse(byte[] event) {
    try {
      JsonNode json = mapper.readTree(event);
      if (json == null || json.isMissingNode()) {
        LOG.error("The event is empty; nothing was invoked");
        throw new InvalidEventException("The event is empty");
      }
      return json;
    } catch (IOException e) {
      String reason = e instanceof JsonProcessingException processing ? processing.getOriginalMessage()
          : e.getMessage();
      LOG.error("The event is not JSON ({}); nothing was invoked", reason);
      throw new InvalidEventException("The event is not JSON: " + reason);
    }
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new ArrayList<>();
    if (!json.isObject()) {
      names.add("(a JSON " + json.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object)");
      return names;
    }
    Iterator<String> fields = json.fieldNames();
    while (fields.hasNext() && names.size() < 10) {
      names.add(fields.next());
    }
    return names;
  }

  private HttpResponse http(Function<JsonNode, HttpRequest> reader, JsonNode json,
      String traceId, Duration deadline) {
    HttpRequest request;
    try {
      request = reader.apply(json);
    } catch (IllegalArgumentException e) {
      return Problem.of(StatusCode.BAD_REQUEST.code(), "The body is not valid base64");
    }
    if (request.body().length > maxBodyBytes) {
      return Problem.of(StatusCode.PAYLOAD_TOO_LARGE.code(), "The body has " + request.body().length
          + " bytes; the limit is " + maxBodyBytes);
    }
    if (request.header("traceparent").isEmpty() && request.header("x-trace-id").isEmpty()) {
      request = withTraceId(request, traceId);
    }
    if (deadline.isZero()) {
      return Problem.of(StatusCode.GATEWAY_TIMEOUT.code(), "No time left in this invocation");
    }
    try {
      return gateway.handle(request, deadline)
          .get(deadline.plus(GATEWAY_GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      LOG.error("the gateway failed on {}", request, e.getCause());
      return Problem.internal();
    } catch (TimeoutException e) {
      return Problem.of(StatusCode.GATEWAY_TIMEOUT.code(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Problem.of(StatusCode.SERVICE_UNAVAILABLE.code(), null);
    }
  }

  private static HttpRequest withTraceId(HttpRequest request, String traceId) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    headers.put("x-trace-id", List.of(traceId));
    return new HttpRequest(request.method(), request.path(), request.rawQuery(), headers, request.body());
  }
}
