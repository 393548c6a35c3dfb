package dev.purista.http.undertow;

import dev.purista.core.StatusCode;
import dev.purista.http.gateway.HttpGateway;
import dev.purista.http.gateway.HttpRequest;
import dev.purista.http.gateway.HttpResponse;
import dev.purista.http.gateway.Problem;
import dev.purista.http.internal.Listener;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link HttpGateway} on Undertow. The body is read on the I/O thread without blocking, up to the size
 * limit (a declared larger one answers 413 before a byte of it is read; a chunked one the moment it crosses the
 * limit); the gateway then runs on a worker thread (or, when it cannot block, on the I/O thread), and its answer
 * is written from whichever thread completes it.
 */
public final class UndertowServer implements Listener {
  private static final Logger LOG = LoggerFactory.getLogger(UndertowServer.class);

  /**
   * Undertow's own ceiling on header count: far above the gateway's limit, so that a header flood is answered
   * by the gateway, as a problem, and not by Undertow's parser.
   */
  private static final int PARSER_MAX_HEADERS = 2000;

  /** Total size of the header names and values a request may have, as common proxies allow. */
  private static final int MAX_HEADER_BYTES = 32 * 1024;

  private final Undertow undertow;
  private final HttpGateway gateway;
  private final long maxBodyBytes;
  private final int maxHeaders;
  private final Consumer<Boolean> inFlight;

  /**
   * @param inFlight told {@code true} when a request is taken and {@code false} when its answer was written, so
   *     that a drain can wait for the requests in flight
   */
  public UndertowServer(HttpGateway gateway, String host, int port, long maxBodyBytes, int maxHeaders,
      int workerThreads, Consumer<Boolean> inFlight) {
    this.gateway = gateway;
    this.maxBodyBytes = maxBodyBytes;
    this.maxHeaders = maxHeaders;
    this.inFlight = inFlight;
    Undertow.Builder builder = Undertow.builder()
        .addHttpListener(port, host)
        .setServerOption(UndertowOptions.DECODE_URL, false)
        // A raw (not percent-encoded) non-ASCII character in the target reaches the gateway, which refuses it with
        // a 400 problem; Undertow's parser would answer a bare 400 instead.
        .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
        .setServerOption(UndertowOptions.MAX_HEADERS, PARSER_MAX_HEADERS)
        // Undertow's parser answers a declared length over its own limit with a bare 400; the limit is checked
        // per request instead, where it can be answered with a 413 problem.
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L)
        .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
        .setHandler(this::handle);
    if (workerThreads > 0) {
      builder.setWorkerThreads(workerThreads);
    }
    this.undertow = builder.build();
  }

  @Override
  public void start() {
    undertow.start();
  }

  @Override
  public int port() {
    return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  @Override
  public void close() {
    undertow.stop();
  }

  private void handle(HttpServerExchange exchange) {
    inFlight.accept(true);
    exchange.addExchangeCompleteListener((done, next) -> {
      inFlight.accept(false);
      next.proceed();
    });
    if (exchange.getRequestHeaders().size() > maxHeaders || headerBytes(exchange) > MAX_HEADER_BYTES) {
      write(exchange, Problem.of(StatusCode.REQUEST_HEADER_FIELDS_TOO_LARGE.code(), "At most " + maxHeaders
          + " header fields and " + MAX_HEADER_BYTES + " bytes of headers are accepted")
          .withHeader("Connection", "close"));
      return;
    }
    if (hasUnframedBody(exchange)) {
      // A transfer coding other than chunked last leaves the body's end to the closing of the connection, which a
      // server must refuse (RFC 9112 §6.3); Undertow would wait for the close, and the client for an answer.
      write(exchange, Problem.of(StatusCode.BAD_REQUEST.code(), "Transfer-Encoding must end with chunked")
          .withHeader("Connection", "close"));
      return;
    }
    long declared;
    try {
      declared = exchange.getRequestContentLength();
    } catch (NumberFormatException e) {
      // Undertow's parser lets through a Content-Length of digits too long for a long.
      write(exchange, Problem.of(StatusCode.BAD_REQUEST.code(), "Content-Length is not a valid length")
          .withHeader("Connection", "close"));
      return;
    }
    if (declared > maxBodyBytes) {
      write(exchange, tooLarge().withHeader("Connection", "close"));
      return;
    }
    if (declared >= 0) {
      exchange.getRequestReceiver().receiveFullBytes((received, body) -> serveWhereAllowed(received, body),
          this::readFailed);
      return;
    }
    // No declared length (chunked): count while receiving, and answer 413 the moment the limit is crossed.
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    exchange.getRequestReceiver().receivePartialBytes((received, chunk, last) -> {
      if (body.size() + (long) chunk.length > maxBodyBytes) {
        received.getRequestReceiver().pause();
        write(received, tooLarge().withHeader("Connection", "close"));
        return;
      }
      body.write(chunk, 0, chunk.length);
      if (last) {
        serveWhereAllowed(received, body.toByteArray());
      }
    }, this::readFailed);
  }

  private void readFailed(HttpServerExchange exchange, IOException error) {
    LOG.debug("could not read a request body: {}", error.getMessage());
    write(exchange, Problem.of(StatusCode.BAD_REQUEST.code(), "The body could not be read")
        .withHeader("Connection", "close"));
  }

  private static boolean hasUnframedBody(HttpServerExchange exchange) {
    HeaderValues codings = exchange.getRequestHeaders().get(Headers.TRANSFER_ENCODING);
    if (codings == null || codings.isEmpty()) {
      return false;
    }
    String last = codings.getLast();
    int comma = last.lastIndexOf(',');
    return !last.substring(comma + 1).trim().equalsIgnoreCase("chunked");
  }

  private static long headerBytes(HttpServerExchange exchange) {
    long bytes = 0;
    for (HeaderValues values : exchange.getRequestHeaders()) {
      for (String value : values) {
        bytes += values.getHeaderName().length() + value.length() + 4;
      }
    }
    return bytes;
  }

  private HttpResponse tooLarge() {
    return Problem.of(StatusCode.PAYLOAD_TOO_LARGE.code(), "The body may have at most " + maxBodyBytes + " bytes");
  }

  /**
   * On a worker thread when the gateway may block; otherwise on this I/O thread, which saves a hand-off per
   * request. The exchange stays open either way until the answer, which may come from another thread, is written.
   */
  private void serveWhereAllowed(HttpServerExchange exchange, byte[] body) {
    if (gateway.mayBlock()) {
      exchange.dispatch(() -> serve(exchange, body));
    } else {
      exchange.dispatch(SameThreadExecutor.INSTANCE, () -> serve(exchange, body));
    }
  }

  private void serve(HttpServerExchange exchange, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      headers.put(values.getHeaderName().toString(), List.copyOf(values));
    }
    HttpRequest request = new HttpRequest(exchange.getRequestMethod().toString(), exchange.getRequestURI(),
        exchange.getQueryString(), headers, body);
    gateway.handle(request).whenComplete((response, failure) -> {
      if (failure != null) {
        LOG.error("the gateway failed on {}", request, failure);
        write(exchange, Problem.internal());
      } else {
        write(exchange, response);
      }
    });
  }

  private static void write(HttpServerExchange exchange, HttpResponse response) {
    exchange.setStatusCode(response.status());
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name),
        value));
    if (response.headers().containsKey("Connection")) {
      exchange.setPersistent(false);
    }
    if (response.body().length == 0) {
      if (response.status() != 204 && !response.headers().containsKey("Content-Length")) {
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
      }
      exchange.endExchange();
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, response.body().length);
    exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
  }
}
