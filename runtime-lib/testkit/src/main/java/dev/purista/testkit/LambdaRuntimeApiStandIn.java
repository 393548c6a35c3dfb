package dev.purista.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in of the Lambda Runtime API (version 2018-06-01), as far as a runtime client uses it:
 * {@code GET /runtime/invocation/next} hands out queued events with Lambda's headers (request id, deadline,
 * function ARN, trace id), and {@code /response}, {@code /error} and {@code /init/error} record what the function
 * answered.
 *
 * <p>With {@link LambdaFunctionProcess} it runs a function jar the way AWS runs it, through the real runtime
 * interface client, without AWS: a test of the function as deployed, not of its handler class alone.
 */
public final class LambdaRuntimeApiStandIn implements AutoCloseable {
  /** The function's name, as {@link LambdaFunctionProcess} sets it in {@code AWS_LAMBDA_FUNCTION_NAME}. */
  public static final String FUNCTION_NAME = "purista-function";
  /** The function ARN every event names. */
  public static final String FUNCTION_ARN = "arn:aws:lambda:eu-central-1:123456789012:function:" + FUNCTION_NAME;
  private static final String PREFIX = "/2018-06-01/runtime/";

  /** What the function answered to one event. */
  public record Outcome(String requestId, boolean error, String errorType, String body) {
  }

  private record Pending(String requestId, byte[] event, long deadlineMs) {
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
  private final CompletableFuture<Outcome> initError = new CompletableFuture<>();
  private final AtomicInteger nextCalls = new AtomicInteger();

  /** Listens on a free loopback port. */
  public LambdaRuntimeApiStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(PREFIX, this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** {@code host:port}, as {@code AWS_LAMBDA_RUNTIME_API} names it. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues {@code event} with {@code timeout} to run, and waits up to {@code wait} for the function's outcome. */
  public Outcome invoke(String event, Duration timeout, Duration wait) throws Exception {
    return invoke(event.getBytes(StandardCharsets.UTF_8), timeout, wait);
  }

  /** The same, for an event given as bytes (which need not be valid JSON or UTF-8). */
  public Outcome invoke(byte[] event, Duration timeout, Duration wait) throws Exception {
    String requestId = UUID.randomUUID().toString();
    CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    outcomes.put(requestId, outcome);
    queue.add(new Pending(requestId, event, System.currentTimeMillis() + timeout.toMillis()));
    return outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The init error the function reported, waiting up to {@code wait}. */
  public Outcome initError(Duration wait) throws Exception {
    return initError.get(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many times the function asked for its next event. */
  public int nextCalls() {
    return nextCalls.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
      String method = exchange.getRequestMethod();
      if (method.equals("GET") && path.equals("invocation/next")) {
        next(exchange);
      } else if (method.equals("POST") && path.equals("init/error")) {
        initError.complete(outcome(exchange, null, true));
        respond(exchange, 202, "{\"status\":\"OK\"}");
      } else if (method.equals("POST") && path.startsWith("invocation/")) {
        String[] parts = path.split("/");
        CompletableFuture<Outcome> waiting = parts.length == 3 ? outcomes.remove(parts[1]) : null;
        if (waiting == null || !(parts[2].equals("response") || parts[2].equals("error"))) {
          respond(exchange, 400, "{\"errorMessage\":\"unknown request id or path\"}");
          return;
        }
        waiting.complete(outcome(exchange, parts[1], parts[2].equals("error")));
        respond(exchange, 202, "{\"status\":\"OK\"}");
      } else {
        respond(exchange, 404, "{\"errorMessage\":\"not found\"}");
      }
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    nextCalls.incrementAndGet();
    Pending pending;
    try {
      pending = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", pending.requestId());
    exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(pending.deadlineMs()));
    exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
    exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
        "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, pending.event().length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(pending.event());
    }
  }

  private static Outcome outcome(HttpExchange exchange, String requestId, boolean error) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    return new Outcome(requestId, error, exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
        body);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
