package dev.purista.http.jdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.purista.core.StatusCode;
import dev.purista.http.gateway.HttpGateway;
import dev.purista.http.gateway.HttpRequest;
import dev.purista.http.gateway.HttpResponse;
import dev.purista.http.gateway.Problem;
import dev.purista.http.internal.Listener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link HttpGateway} on the JDK's own server ({@code com.sun.net.httpserver}). Its dispatcher thread
 * accepts connections and reads request heads; each request then runs on a small pool of worker threads that end
 * when idle: the head is checked, a declared body larger than the limit is answered with 413 before a byte of it
 * is read (a chunked one the moment it crosses the limit), and the gateway's answer is written on a worker thread
 * whenever it completes, so that no thread waits for a command.
 *
 * <p>The JDK server reads its tuning from system properties once per JVM. Unless they are already set, this sets
 * three of them before its first server starts: {@code sun.net.httpserver.maxReqHeaders} to Undertow's ceiling,
 * so that a header flood is answered by the gateway as a problem; {@code sun.net.httpserver.drainAmount} to 0, so
 * that the body of a refused request is not read (the connection is closed instead); and
 * {@code sun.net.httpserver.nodelay} to true: the server writes an answer's head and body apart, and with Nagle's
 * algorithm on, a kept-alive client's delayed acknowledgement held every answer back by some 40 ms.
 */
public final class JdkServer implements Listener {
  private static final Logger LOG = LoggerFactory.getLogger(JdkServer.class);

  /** As Undertow's parser: far above the gateway's limit, so that a flood is the gateway's to answer. */
  private static final int PARSER_MAX_HEADERS = 2000;

  /** Total size of the header names and values a request may have, as common proxies allow. */
  private static final int MAX_HEADER_BYTES = 32 * 1024;

  /** Worker threads when none are configured; requests never wait for commands on them. */
  private static final int DEFAULT_WORKERS = 2 * Runtime.getRuntime().availableProcessors();

  /** An idle worker thread ends after this, so that a quiet process keeps none. */
  private static final long WORKER_IDLE_SECONDS = 30;

  /** How long a stopping server waits for its dispatcher; the drain before it is the application's. */
  private static final int STOP_DELAY_SECONDS = 1;

  static {
    defaultProperty("sun.net.httpserver.maxReqHeaders", Integer.toString(PARSER_MAX_HEADERS));
    defaultProperty("sun.net.httpserver.drainAmount", "0");
    defaultProperty("sun.net.httpserver.nodelay", "true");
  }

  private final com.sun.net.httpserver.HttpServer server;
  private final ThreadPoolExecutor workers;
  private final HttpGateway gateway;
  private final long maxBodyBytes;
  private final int maxHeaders;
  private final Consumer<Boolean> inFlight;

  /**
   * @param inFlight told {@code true} when a request is taken and {@code false} when its answer was written, so
   *     that a drain can wait for the requests in flight
   */
  public JdkServer(HttpGateway gateway, String host, int port, long maxBodyBytes, int maxHeaders,
      int workerThreads, Consumer<Boolean> inFlight) {
    this.gateway = gateway;
    this.maxBodyBytes = maxBodyBytes;
    this.maxHeaders = maxHeaders;
    this.inFlight = inFlight;
    int threads = workerThreads > 0 ? workerThreads : DEFAULT_WORKERS;
    this.workers = new ThreadPoolExecutor(threads, threads, WORKER_IDLE_SECONDS, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), new Named("purista-http-"));
    workers.allowCoreThreadTimeOut(true);
    try {
      this.server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on " + host + ":" + port, e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(workers);
  }

  @Override
  public void start() {
    server.start();
  }

  @Override
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(STOP_DELAY_SECONDS);
    workers.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    inFlight.accept(true);
    HttpResponse refused = refusal(exchange);
    if (refused != null) {
      write(exchange, refused);
      return;
    }
    byte[] body;
    try {
      body = readBody(exchange);
    } catch (IOException e) {
      LOG.debug("could not read a request body: {}", e.getMessage());
      write(exchange, Problem.of(StatusCode.BAD_REQUEST.code(), "The body could not be read")
          .withHeader("Connection", "close"));
      return;
    }
    if (body == null) {
      write(exchange, tooLarge().withHeader("Connection", "close"));
      return;
    }
    try {
      serve(exchange, body);
    } catch (RuntimeException e) {
      // The gateway failed before it returned its answer's future; nothing was written yet.
      LOG.error("the gateway failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      write(exchange, Problem.internal());
    }
  }

  /** The answer to a request whose head is refused before its body is read, or {@code null}. */
  private HttpResponse refusal(HttpExchange exchange) {
    Headers headers = exchange.getRequestHeaders();
    RequestHead head = new RequestHead(exchange.getRequestMethod(), exchange.getProtocol(), headers);
    String malformed = head.malformed();
    if (malformed != null) {
      return Problem.of(StatusCode.BAD_REQUEST.code(), malformed).withHeader("Connection", "close");
    }
    if (head.fieldCount() > maxHeaders || head.headerBytes() > MAX_HEADER_BYTES) {
      return Problem.of(StatusCode.REQUEST_HEADER_FIELDS_TOO_LARGE.code(), "At most " + maxHeaders
          + " header fields and " + MAX_HEADER_BYTES + " bytes of headers are accepted")
          .withHeader("Connection", "close");
    }
    if (head.hasUnframedBody()) {
      // A transfer coding other than chunked last leaves the body's end to the closing of the connection, which a
      // server must refuse (RFC 9112 §6.3).
      return Problem.of(StatusCode.BAD_REQUEST.code(), "Transfer-Encoding must end with chunked")
          .withHeader("Connection", "close");
    }
    if (head.declaredLength() > maxBodyBytes) {
      return tooLarge().withHeader("Connection", "close");
    }
    return null;
  }

  /** The whole body, or {@code null} when it crossed the limit (then not read further). */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
      return body.length > maxBodyBytes ? null : body;
    }
  }

  private HttpResponse tooLarge() {
    return Problem.of(StatusCode.PAYLOAD_TOO_LARGE.code(), "The body may have at most " + maxBodyBytes + " bytes");
  }

  private void serve(HttpExchange exchange, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    String target = exchange.getRequestURI().getRawPath();
    HttpRequest request = new HttpRequest(exchange.getRequestMethod(), target,
        exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery(), headers, body);
    gateway.handle(request).whenCompleteAsync((response, failure) -> {
      if (failure != null) {
        LOG.error("the gateway failed on {}", request, failure);
        write(exchange, Problem.internal());
      } else {
        write(exchange, response);
      }
    }, workers);
  }

  private void write(HttpExchange exchange, HttpResponse response) {
    try (exchange) {
      Headers out = exchange.getResponseHeaders();
      response.headers().forEach(out::set);
      byte[] body = response.body();
      // -1: no body. A HEAD answer keeps the Content-Length its GET would have, which the gateway set; any other
      // empty answer gets Content-Length: 0 from the JDK server (none for 204 and 304).
      boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.status(), empty ? -1 : body.length);
      if (!empty) {
        try (OutputStream stream = exchange.getResponseBody()) {
          stream.write(body);
        }
      }
    } catch (IOException e) {
      LOG.debug("could not write a response: {}", e.toString());
    } finally {
      inFlight.accept(false);
    }
  }

  private static void defaultProperty(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }

  /** Worker threads named by a prefix and a number, daemon so that they never hold the JVM up. */
  private static final class Named implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    Named(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
