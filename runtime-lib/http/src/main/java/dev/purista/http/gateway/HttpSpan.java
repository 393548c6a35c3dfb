package dev.purista.http.gateway;

import dev.purista.core.telemetry.Otp;
import dev.purista.core.telemetry.SpanNames;
import dev.purista.core.telemetry.TraceContexts;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * The server span of one HTTP request, following the OpenTelemetry HTTP conventions: named by method and route,
 * child of the request's {@code traceparent}, with its command's {@code otp} pointing at it. A 5xx answer marks it
 * as an error; a 4xx is the client's and leaves the status unset, as the conventions ask of a server.
 */
final class HttpSpan {
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

  private static final HttpSpan NONE = new HttpSpan(null);

  private final Span span;

  private HttpSpan(Span span) {
    this.span = span;
  }

  /** A tracer per gateway, or {@code null} when no SDK records spans. */
  static Tracer tracer(OpenTelemetry openTelemetry) {
    return TraceContexts.tracingOff(openTelemetry) ? null : openTelemetry.getTracer("dev.purista.http");
  }

  static HttpSpan start(Tracer tracer, HttpRequest request) {
    // Health probes come every few seconds from the orchestrator and would bury the requests that matter.
    if (tracer == null || request.path().startsWith("/healthz")) {
      return NONE;
    }
    Context remote = TraceContexts.fromHeaders(request.header("traceparent").orElse(null),
        request.header("tracestate").orElse(null));
    // Without a caller's context, the span current here is the parent: a Lambda invocation's, for example.
    Context parent = remote.equals(Context.root()) ? Context.current() : remote;
    return new HttpSpan(tracer.spanBuilder(request.method()).setSpanKind(SpanKind.SERVER)
        .setParent(parent)
        .setAttribute(METHOD, request.method())
        .setAttribute(PATH, request.path())
        .startSpan());
  }

  /** The trace id the span belongs to, or {@code null} with tracing off. */
  String traceId() {
    return span == null ? null : span.getSpanContext().getTraceId();
  }

  /**
   * The command's {@code otp}: this span as parent. With tracing off, the request's own trace context passes
   * through unchanged, so that a gateway without an SDK does not break its caller's trace.
   */
  String otp(HttpRequest request) {
    if (span != null) {
      return TraceContexts.otp(span);
    }
    String traceparent = request.header("traceparent").orElse(null);
    boolean valid = traceparent != null && !TraceContexts.fromHeaders(traceparent, null).equals(Context.root());
    return valid ? Otp.format(traceparent, request.header("tracestate").orElse(null)) : null;
  }

  void route(Route route) {
    if (span != null) {
      String template = route.path();
      span.updateName(SpanNames.httpRequest(route.method(), template));
      span.setAttribute(ROUTE, template);
    }
  }

  void end(HttpResponse response) {
    if (span == null) {
      return;
    }
    span.setAttribute(STATUS, (long) response.status());
    if (response.status() >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }
}
