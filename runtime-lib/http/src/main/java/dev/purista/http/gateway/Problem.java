package dev.purista.http.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.core.PuristaError;
import dev.purista.core.StatusCode;
import dev.purista.core.UnhandledError;
import dev.purista.http.internal.HttpJson;

/**
 * An RFC 9457 problem details response ({@code application/problem+json}). Every error the gateway answers is
 * one, so that a client parses one shape; none carries a stack trace or an internal class name.
 *
 * <p>Members: {@code type} ({@code about:blank}: the status says it all), {@code title} (the status's reason
 * phrase), {@code status}, {@code detail} (what went wrong, for people; absent on a 500), and the extensions
 * {@code data} (a handled error's data, such as the list of invalid fields) and {@code traceId}.
 */
public final class Problem {
  private static final ObjectMapper MAPPER = HttpJson.mapper();

  private Problem() {
  }

  /** A problem with {@code status} and {@code detail}, which may be {@code null}. */
  public static HttpResponse of(int status, String detail) {
    return of(status, detail, null);
  }

  public static HttpResponse of(int status, String detail, Object data) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", title(status));
    body.put("status", status);
    if (detail != null) {
      body.put("detail", detail);
    }
    if (data != null) {
      body.set("data", MAPPER.valueToTree(data));
    }
    try {
      return new HttpResponse(status, java.util.Map.of("Content-Type", HttpResponse.PROBLEM_JSON),
          MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      // The data of a handled error comes from user code; if it does not serialize, the caller still learns
      // the status and message.
      return of(status, detail, null);
    }
  }

  /**
   * The problem a command error becomes: a handled error keeps its status, message and data; anything else is a
   * bare 500, because its message is for the log only.
   */
  public static HttpResponse of(PuristaError error) {
    if (!error.isHandled()) {
      return of(StatusCode.INTERNAL_SERVER_ERROR.code(), null);
    }
    return of(error.status().code(), error.getMessage(), error.data());
  }

  /** An unhandled failure of our own: a bare 500. */
  public static HttpResponse internal() {
    return of(StatusCode.INTERNAL_SERVER_ERROR.code(), null);
  }

  static String title(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 408: return "Request Timeout";
      case 409: return "Conflict";
      case 413: return "Content Too Large";
      case 414: return "URI Too Long";
      case 415: return "Unsupported Media Type";
      case 422: return "Unprocessable Content";
      case 429: return "Too Many Requests";
      case 431: return "Request Header Fields Too Large";
      case 500: return UnhandledError.GENERIC_MESSAGE;
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return titleFromName(status);
    }
  }

  /** {@code PAYMENT_REQUIRED} as {@code Payment Required}, for the codes without a phrase above. */
  private static String titleFromName(int status) {
    String name = StatusCode.fromCode(status).name();
    StringBuilder title = new StringBuilder();
    for (String word : name.split("_")) {
      if (title.length() > 0) {
        title.append(' ');
      }
      title.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return title.toString();
  }
}
