package dev.purista.lambda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.http.gateway.HttpRequest;
import dev.purista.http.gateway.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * API Gateway proxy events as {@link HttpRequest}s, and {@link HttpResponse}s as the answers API Gateway expects:
 * payload format 2.0 (HTTP API, and function URLs, which use the same format) and 1.0 (REST API, and HTTP API
 * with payload 1.0). Only the fields a request needs are read, from the JSON tree.
 */
public final class HttpEvents {
  private HttpEvents() {
  }

  /** Whether {@code event} is a 2.0 proxy event (HTTP API or function URL). */
  static boolean isV2(JsonNode event) {
    return "2.0".equals(event.path("version").asText(null)) && event.path("requestContext").path("http").isObject();
  }

  /** Whether {@code event} is a 1.0 proxy event (REST API). */
  static boolean isV1(JsonNode event) {
    return event.path("httpMethod").isTextual() && event.path("path").isTextual();
  }

  /**
   * A 2.0 event's request. Its {@code rawPath} starts with the stage's name unless the stage is
   * {@code $default}; that prefix is not part of the route and is dropped.
   */
  static HttpRequest fromV2(JsonNode event) {
    String method = event.path("requestContext").path("http").path("method").asText("GET");
    String path = event.path("rawPath").asText("/");
    String stage = event.path("requestContext").path("stage").asText("$default");
    if (!stage.equals("$default") && path.startsWith("/" + stage + "/")) {
      path = path.substring(stage.length() + 1);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> header : event.path("headers").properties()) {
      headers.put(header.getKey(), List.of(header.getValue().asText()));
    }
    if (event.path("cookies").isArray() && event.path("cookies").size() > 0) {
      List<String> cookies = new ArrayList<>();
      event.path("cookies").forEach(cookie -> cookies.add(cookie.asText()));
      headers.put("Cookie", List.of(String.join("; ", cookies)));
    }
    return new HttpRequest(method, path, event.path("rawQueryString").asText(""), headers, body(event));
  }

  /** A 1.0 event's request; its query comes decoded and is encoded again for the gateway, which decodes it. */
  static HttpRequest fromV1(JsonNode event) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    JsonNode multi = event.path("multiValueHeaders");
    if (multi.isObject() && multi.size() > 0) {
      multi.properties().forEach(header -> headers.put(header.getKey(), texts(header.getValue())));
    } else {
      event.path("headers").properties().forEach(header -> headers.put(header.getKey(),
          List.of(header.getValue().asText())));
    }
    StringBuilder query = new StringBuilder();
    JsonNode multiQuery = event.path("multiValueQueryStringParameters");
    JsonNode queryValues = multiQuery.isObject() ? multiQuery : event.path("queryStringParameters");
    queryValues.properties().forEach(parameter -> {
      for (String value : texts(parameter.getValue())) {
        if (query.length() > 0) {
          query.append('&');
        }
        query.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    });
    return new HttpRequest(event.path("httpMethod").asText(), event.path("path").asText(), query.toString(),
        headers, body(event));
  }

  private static List<String> texts(JsonNode value) {
    List<String> texts = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(item -> texts.add(item.asText()));
    } else if (!value.isNull() && !value.isMissingNode()) {
      texts.add(value.asText());
    }
    return texts;
  }

  /** @throws IllegalArgumentException when a body said to be base64 is not */
  private static byte[] body(JsonNode event) {
    JsonNode body = event.path("body");
    if (!body.isTextual()) {
      return new byte[0];
    }
    if (event.path("isBase64Encoded").asBoolean(false)) {
      return Base64.getDecoder().decode(body.asText());
    }
    return body.asText().getBytes(StandardCharsets.UTF_8);
  }

  /** The answer to a 2.0 event. */
  static ObjectNode toV2(HttpResponse response) {
    ObjectNode answer = LambdaJson.mapper().createObjectNode();
    answer.put("statusCode", response.status());
    ObjectNode headers = answer.putObject("headers");
    response.headers().forEach(headers::put);
    putBody(answer, response);
    return answer;
  }

  /** The answer to a 1.0 event. */
  static ObjectNode toV1(HttpResponse response) {
    ObjectNode answer = LambdaJson.mapper().createObjectNode();
    answer.put("statusCode", response.status());
    ObjectNode headers = answer.putObject("headers");
    response.headers().forEach(headers::put);
    ObjectNode multiValueHeaders = answer.putObject("multiValueHeaders");
    response.headers().forEach((name, value) -> multiValueHeaders.putArray(name).add(value));
    putBody(answer, response);
    return answer;
  }

  /** Text bodies (JSON, problems, text) as they are; anything else base64, as API Gateway requires. */
  private static void putBody(ObjectNode answer, HttpResponse response) {
    String type = response.headers().entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
        .map(header -> header.getValue().toLowerCase(Locale.ROOT))
        .findFirst().orElse("");
    boolean text = response.body().length == 0 || type.startsWith("text/") || type.contains("json");
    if (text) {
      answer.put("body", new String(response.body(), StandardCharsets.UTF_8));
      answer.put("isBase64Encoded", false);
    } else {
      answer.put("body", Base64.getEncoder().encodeToString(response.body()));
      answer.put("isBase64Encoded", true);
    }
  }
}
