package dev.purista.http.gateway;

import dev.purista.core.message.MessageIds;
import java.util.regex.Pattern;

/**
 * The trace id of a request: from a W3C {@code traceparent} header, else from {@code x-trace-id} (the original's
 * header), else a new one. A header value that is not a plausible id is ignored rather than carried into logs
 * and messages.
 */
final class TraceIds {
  static final String TRACE_HEADER = "x-trace-id";
  private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final String INVALID_TRACE = "00000000000000000000000000000000";

  private TraceIds() {
  }

  /**
   * As above; {@code spanTraceId} is the request span's trace id (null with tracing off), which names the request
   * when no header does, so that the envelope's trace id and the span's agree.
   */
  static String of(HttpRequest request, String spanTraceId) {
    String named = named(request);
    if (named != null) {
      return named;
    }
    return spanTraceId != null ? spanTraceId : MessageIds.newId();
  }

  static String of(HttpRequest request) {
    String named = named(request);
    return named != null ? named : MessageIds.newId();
  }

  private static String named(HttpRequest request) {
    String traceparent = request.header("traceparent").orElse(null);
    if (traceparent != null) {
      java.util.regex.Matcher match = TRACEPARENT.matcher(traceparent.trim());
      if (match.matches() && !match.group(1).equals(INVALID_TRACE)) {
        return match.group(1);
      }
    }
    String plain = request.header(TRACE_HEADER).orElse(null);
    if (plain != null && PLAIN_ID.matcher(plain.trim()).matches()) {
      return plain.trim();
    }
    return null;
  }
}
