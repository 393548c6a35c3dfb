package dev.purista.benchmarks.lambda.bare;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The baseline: a RequestStreamHandler that answers the same API Gateway JSON without reading the event. */
public final class BareFunction implements RequestStreamHandler {
  private static final byte[] ANSWER = ("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
      + "\"body\":\"{\\\"message\\\":\\\"Hello Ada\\\"}\",\"isBase64Encoded\":false}").getBytes(StandardCharsets.UTF_8);

  public BareFunction() {
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
    input.readAllBytes();
    output.write(ANSWER);
  }
}
