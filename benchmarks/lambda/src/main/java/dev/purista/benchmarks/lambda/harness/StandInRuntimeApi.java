package dev.purista.benchmarks.lambda.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The part of the Lambda Runtime API a benchmark needs: {@code invocation/next} with Lambda's headers, and
 * {@code /response} and {@code /error}, timestamped when they arrive. One invocation at a time.
 */
final class StandInRuntimeApi implements AutoCloseable {
  private static final String PREFIX = "/2018-06-01/runtime/";

  /** When one event was handed out and when its answer arrived, in {@link System#nanoTime()}. */
  record Timing(long handedOut, long answered, boolean error, String body) {
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<byte[]> events = new LinkedBlockingQueue<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile long handedOut;
  private volatile CompletableFuture<Timing> pending;

  StandInRuntimeApi() throws IOException {
    // Lambda's Runtime API answers at once; with Nagle's algorithm on, each answer here would wait out the
    // client's delayed ACK (about 40 ms), which would hide everything this benchmark measures.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(PREFIX, this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues one event and waits for its answer. */
  Timing invoke(byte[] event, long timeoutSeconds) throws Exception {
    CompletableFuture<Timing> answer = new CompletableFuture<>();
    pending = answer;
    events.add(event);
    return answer.get(timeoutSeconds, TimeUnit.SECONDS);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
      if (exchange.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
        byte[] event;
        try {
          event = events.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "request-" + ids.incrementAndGet());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
            Long.toString(System.currentTimeMillis() + 30_000));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
            "arn:aws:lambda:eu-central-1:123456789012:function:bench");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700");
        // The client's native part crashes on an event without a content type; Lambda always sends one.
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, event.length);
        handedOut = System.nanoTime();
        try (OutputStream body = exchange.getResponseBody()) {
          body.write(event);
        }
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      long now = System.nanoTime();
      boolean error = path.endsWith("/error");
      CompletableFuture<Timing> answer = pending;
      exchange.sendResponseHeaders(202, -1);
      if (answer != null) {
        answer.complete(new Timing(handedOut, now, error, new String(body, StandardCharsets.UTF_8)));
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
