package dev.purista.opentelemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local OTLP/HTTP collector for tests: it accepts {@code /v1/traces} and {@code /v1/metrics} as protobuf,
 * decodes them with the protocol's own classes and keeps them.
 */
final class OtlpReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<ExportTraceServiceRequest> traces = new CopyOnWriteArrayList<>();
  private final List<ExportMetricsServiceRequest> metrics = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/traces", exchange -> {
      traces.add(ExportTraceServiceRequest.parseFrom(read(exchange)));
      answer(exchange, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
    });
    server.createContext("/v1/metrics", exchange -> {
      metrics.add(ExportMetricsServiceRequest.parseFrom(read(exchange)));
      answer(exchange, ExportMetricsServiceResponse.getDefaultInstance().toByteArray());
    });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<ExportTraceServiceRequest> traces() {
    return traces;
  }

  List<ExportMetricsServiceRequest> metrics() {
    return metrics;
  }

  List<String> contentTypes() {
    return contentTypes;
  }

  private byte[] read(HttpExchange exchange) throws IOException {
    contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
    return exchange.getRequestBody().readAllBytes();
  }

  private static void answer(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
