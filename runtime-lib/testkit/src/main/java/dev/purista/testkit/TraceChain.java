package dev.purista.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpAccess;
import dev.purista.core.HttpMethod;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.telemetry.Otp;
import dev.purista.core.telemetry.SpanNames;
import dev.purista.core.telemetry.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Three services whose calls make one trace across a bridge: an HTTP request runs command {@code start} of
 * service {@code traceFront}, which invokes command {@code relay} of service {@code traceMiddle}, which emits
 * {@link #EVENT}, which subscription {@code record} of service {@code traceBack} receives. {@link #assertOneTrace}
 * checks the spans such a run recorded: one trace, each span the child of the one before.
 */
public final class TraceChain {
  /** The event {@code relay} emits. */
  public static final String EVENT = "traceChain.relayed";
  /**
   * Where {@code start} is exposed over HTTP, public, below the gateway's mount path and the service version
   * ({@code /api/v1/trace/start}).
   */
  public static final String HTTP_PATH = "trace/start";
  public static final MessageAddress START = MessageAddress.of("traceFront", "1", "start");
  public static final MessageAddress RELAY = MessageAddress.of("traceMiddle", "1", "relay");

  /** An HTTP answer: its status, body and {@code x-trace-id} header. */
  public record Answer(int status, String body, String traceIdHeader) {
  }

  /** What the chain carries. */
  public record Note(String text) {
  }

  private TraceChain() {
  }

  /** Service 1: {@code start}, exposed as {@code POST trace/start}, invokes {@code relay}. */
  public static ServiceDefinition front() {
    return ServiceDefinition.builder(START.serviceName(), START.serviceVersion())
        .command(CommandDefinition.builder(START.serviceTarget(), Note.class, Void.class, Note.class)
            .http(HttpMethod.POST, HTTP_PATH, HttpAccess.PUBLIC)
            .handler((ctx, note, parameter) -> ctx.invoke(RELAY, note, null, Note.class))
            .build())
        .build();
  }

  /** Service 2: {@code relay} emits {@link #EVENT} and answers. */
  public static ServiceDefinition middle() {
    return ServiceDefinition.builder(RELAY.serviceName(), RELAY.serviceVersion())
        .command(CommandDefinition.builder(RELAY.serviceTarget(), Note.class, Void.class, Note.class)
            .handler((ctx, note, parameter) -> {
              ctx.emit(EVENT, new Note(note.text() + " relayed"));
              return new Note(note.text() + " answered");
            })
            .build())
        .build();
  }

  /** Service 3: subscription {@code record} completes {@code received} with the event message. */
  public static ServiceDefinition back(CompletableFuture<Message> received) {
    return ServiceDefinition.builder("traceBack", "1")
        .subscription(SubscriptionDefinition.builder("record", Note.class, Void.class)
            .event(EVENT)
            .handler((ctx, note) -> {
              received.complete(ctx.message());
              return null;
            })
            .build())
        .build();
  }

  /** A new, sampled, remote context standing for the HTTP client that starts a chain. */
  public static SpanContext newCaller() {
    SecureRandom random = new SecureRandom();
    return SpanContext.createFromRemoteParent(hex(random, 16), hex(random, 8), TraceFlags.getSampled(),
        TraceState.getDefault());
  }

  /** The W3C {@code traceparent} naming {@code context}. */
  public static String traceparent(SpanContext context) {
    return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
  }

  private static String hex(SecureRandom random, int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    value[0] |= 1;
    return HexFormat.of().formatHex(value);
  }

  /**
   * Starts the chain over HTTP: {@code POST http://127.0.0.1:<port>/api/trace/start}, with {@code traceparent}
   * unless it is {@code null}.
   *
   * @return the response
   */
  public static Answer post(int port, String traceparent) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/" + HTTP_PATH);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello\"}"));
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(),
        response.headers().firstValue("x-trace-id").orElse(null));
  }

  /** Whether {@code span} is the last of the chain; wait for it before {@link #assertOneTrace}. */
  public static boolean isLast(SpanData span) {
    return span.getName().equals(SpanNames.SUBSCRIPTION_EVENT_RECEIVED);
  }

  /**
   * Asserts that {@code spans} hold one trace from the HTTP request to the subscription, each span the child of
   * the one before: HTTP server, {@code start} received, {@code relay} invoked, {@code relay} received, event
   * emitted, event received. {@code caller} is the context the HTTP request named in its {@code traceparent}.
   *
   * @return the chain's spans in that order
   */
  public static List<SpanData> assertOneTrace(List<SpanData> spans, SpanContext caller) {
    SpanData http = only(spans, "POST /api/v1/" + HTTP_PATH, SpanKind.SERVER, null);
    SpanData start = only(spans, SpanNames.COMMAND_RECEIVED, SpanKind.SERVER, START.serviceName());
    SpanData invoke = only(spans, SpanNames.COMMAND_INVOKE, SpanKind.CLIENT, RELAY.serviceName());
    SpanData relay = only(spans, SpanNames.COMMAND_RECEIVED, SpanKind.SERVER, RELAY.serviceName());
    SpanData emit = only(spans, SpanNames.EMIT_MESSAGE, SpanKind.PRODUCER, null);
    SpanData received = only(spans, SpanNames.SUBSCRIPTION_EVENT_RECEIVED, SpanKind.CONSUMER, "traceBack");
    List<SpanData> chain = List.of(http, start, invoke, relay, emit, received);
    for (SpanData span : chain) {
      assertEquals(caller.getTraceId(), span.getTraceId(), () -> span.getName() + " is in the caller's trace");
    }
    assertEquals(caller.getSpanId(), http.getParentSpanId(), "the HTTP span is the caller's child");
    for (int i = 1; i < chain.size(); i++) {
      SpanData parent = chain.get(i - 1);
      SpanData child = chain.get(i);
      assertEquals(parent.getSpanId(), child.getParentSpanId(),
          () -> child.getName() + " of " + child.getAttributes() + " is the child of " + parent.getName());
    }
    assertTrue(received.getParentSpanContext().isRemote(), "the event's parent came over the bridge");
    return chain;
  }

  /**
   * Asserts that a {@code traceparent} captured on the wire parses and names the span that sent the message, and
   * that the envelope's {@code otp} holds the same.
   */
  public static void assertWireContext(String traceparent, String otp, SpanData sender) {
    SpanContext parsed = Span.fromContext(TraceContexts.fromHeaders(traceparent, null)).getSpanContext();
    assertTrue(parsed.isValid(), () -> "the wire's traceparent parses: " + traceparent);
    assertEquals(sender.getTraceId(), parsed.getTraceId(), "the wire names the trace");
    assertEquals(sender.getSpanId(), parsed.getSpanId(), () -> "the wire names the span of " + sender.getName());
    assertEquals(traceparent, Otp.traceparent(otp), "the header and the envelope's otp agree");
  }

  private static SpanData only(List<SpanData> spans, String name, SpanKind kind, String receiver) {
    List<SpanData> found = spans.stream()
        .filter(span -> span.getName().equals(name) && span.getKind() == kind)
        .filter(span -> receiver == null || receiver.equals(span.getAttributes().get(
            AttributeKey.stringKey("purista.receiver.name"))))
        .collect(Collectors.toList());
    assertEquals(1, found.size(), () -> "one " + kind + " span " + name + " for " + receiver + " among "
        + spans.stream().map(SpanData::getName).collect(Collectors.toList()));
    return found.get(0);
  }
}
