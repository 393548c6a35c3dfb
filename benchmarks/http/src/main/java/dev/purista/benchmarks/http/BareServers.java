package dev.purista.benchmarks.http;

import com.sun.net.httpserver.HttpServer;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * A bare JSON handler ({@link GreetingWork}) on one server candidate, listening on 127.0.0.1:PORT. Usage:
 * {@code java -jar http-benchmarks.jar jdk|undertow|jetty|vertx PORT}. Each handler runs the work on the
 * server's worker threads (blocking style, as a command handler would), never on an I/O thread.
 */
public final class BareServers {
  private static final String JSON = "application/json";

  private BareServers() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: BareServers jdk|undertow|jetty|vertx PORT");
      System.exit(2);
    }
    int port = Integer.parseInt(args[1]);
    switch (args[0]) {
      case "jdk":
        jdk(port);
        break;
      case "undertow":
        undertow(port);
        break;
      case "jetty":
        jetty(port);
        break;
      case "vertx":
        vertx(port);
        break;
      default:
        System.err.println("unknown server: " + args[0]);
        System.exit(2);
    }
  }

  /** The JDK's server dispatches on one thread; a pool of workers runs the handlers, as Undertow's would. */
  private static void jdk(int port) throws IOException {
    ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() * 8);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(workers);
    server.createContext("/", exchange -> {
      byte[] answer = GreetingWork.answer(exchange.getRequestBody().readAllBytes());
      exchange.getResponseHeaders().set("Content-Type", JSON);
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
  }

  private static void undertow(int port) {
    Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setHandler(exchange -> exchange.getRequestReceiver().receiveFullBytes((done, body) ->
            done.dispatch(() -> {
              byte[] answer = GreetingWork.answer(body);
              done.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
              done.getResponseSender().send(ByteBuffer.wrap(answer));
            })))
        .build()
        .start();
  }

  private static void jetty(int port) throws Exception {
    Server server = new Server(new InetSocketAddress("127.0.0.1", port));
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        byte[] answer = GreetingWork.answer(Content.Source.asInputStream(request).readAllBytes());
        response.getHeaders().put("Content-Type", JSON);
        response.getHeaders().put("Content-Length", answer.length);
        response.write(true, ByteBuffer.wrap(answer), callback);
        return true;
      }
    });
    server.start();
  }

  private static void vertx(int port) {
    Vertx vertx = Vertx.vertx();
    vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body ->
            vertx.<byte[]>executeBlocking(() -> GreetingWork.answer(body.getBytes()), false)
                .onSuccess(answer -> request.response().putHeader("Content-Type", JSON).end(Buffer.buffer(answer)))))
        .listen(port, "127.0.0.1")
        .await();
  }
}
