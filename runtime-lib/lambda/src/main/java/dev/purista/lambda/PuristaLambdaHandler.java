package dev.purista.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The base of a function's handler. A subclass names its services in its constructor; they start there, during
 * the function's initialisation (so that a SnapStart snapshot contains them), and serve every event while the
 * execution environment stays warm:
 *
 * <pre>{@code
 * public final class LambdaHandler extends PuristaLambdaHandler {
 *   public LambdaHandler() {
 *     super(LambdaFunction.builder().service(UserV1Service.DEFINITION).service(EmailV1Service.DEFINITION));
 *   }
 * }
 * }</pre>
 *
 * <p>It is a {@link RequestStreamHandler}: the runtime hands over the event's bytes, and this class reads only
 * the JSON fields it needs. A POJO handler would have the runtime's own serializer bind the whole event by
 * reflection first, on the cold path of every function.
 *
 * <p>While an event is handled, the SLF4J MDC holds {@code awsRequestId}; handlers log with {@code traceId},
 * which is the request id unless the event carried a trace id of its own. Under SnapStart, a
 * {@link SnapStartHooks} registered here closes broker connections before the snapshot and opens them again
 * after the restore.
 */
public abstract class PuristaLambdaHandler implements RequestStreamHandler {
  /** The MDC key of the Lambda request id. */
  public static final String REQUEST_ID = "awsRequestId";

  private static final Logger LOG = LoggerFactory.getLogger(PuristaLambdaHandler.class);

  private final LambdaFunction function;
  private final SnapStartHooks hooks;

  /** Builds and starts the function; a failure here fails the function's initialisation. */
  protected PuristaLambdaHandler(LambdaFunction.Builder function) {
    this.function = function.build().start();
    this.hooks = SnapStartHooks.register(this.function);
  }

  /** The started function, for subclasses and tests. */
  protected final LambdaFunction function() {
    return function;
  }

  /** The CRaC resource registered for this function. */
  protected final SnapStartHooks snapStartHooks() {
    return hooks;
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    String requestId = context.getAwsRequestId();
    MDC.put(REQUEST_ID, requestId);
    try {
      byte[] event = read(input, function.maxEventBytes());
      byte[] answer = function.handle(event, requestId, Duration.ofMillis(context.getRemainingTimeInMillis()));
      output.write(answer);
    } finally {
      MDC.remove(REQUEST_ID);
    }
  }

  /** The whole event, or as much as tells that it is too large. */
  private static byte[] read(InputStream input, long limit) throws IOException {
    byte[] all = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (all.length > limit) {
      LOG.error("The event has more than {} bytes (PURISTA_LAMBDA_MAX_EVENT_BYTES); nothing was invoked", limit);
      throw new InvalidEventException("The event has more than " + limit
          + " bytes (PURISTA_LAMBDA_MAX_EVENT_BYTES); nothing was invoked");
    }
    return all;
  }
}
