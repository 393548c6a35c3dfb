package dev.purista.benchmarks.inmemory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.PuristaClient;
import dev.purista.core.Service;
import dev.purista.core.ServiceOptions;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.CommandResponses;
import dev.purista.core.message.JsonMappers;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import java.util.concurrent.CompletableFuture;

/**
 * The system under measurement: service {@code user} v1 running on a started {@link DefaultEventBridge}, with the
 * service's default options, so the validator is the one a user gets from the classpath (Bean Validation here).
 * The benchmarks and their tests drive exactly this object.
 *
 * <p>Two ways in: {@link #getUser(String)} is what application code calls ({@link PuristaClient#invoke}, which
 * blocks), and {@link #getUserAsync(String)} sends the same command message straight to
 * {@link dev.purista.core.spi.EventBridge#invoke}, so that one thread can keep many calls in flight, as the
 * original's benchmark does with promises.
 */
public final class UserSystem implements AutoCloseable {
  private static final GetUserParameter NO_PARAMETER = new GetUserParameter();

  private final DefaultEventBridge bridge;
  private final Service service;
  private final PuristaClient client;
  private final MessageAddress sender;
  /** After a JSON round trip the result is a JSON tree; it is bound as {@link PuristaClient} binds it. */
  private final ObjectMapper mapper = JsonMappers.standard();

  private UserSystem(DefaultEventBridge bridge, ServiceOptions options) {
    this.bridge = bridge;
    bridge.start();
    this.service = UserService.USER_V1.getInstance(bridge, options);
    service.start();
    this.client = options.openTelemetry().map(telemetry -> PuristaClient.of(bridge, "bench", telemetry))
        .orElseGet(() -> PuristaClient.of(bridge, "bench"));
    this.sender = new MessageAddress("bench", "1", "client", bridge.instanceId());
  }

  /**
   * Starts the bridge and the service.
   *
   * @param jsonRoundTrip whether every message is written as JSON and read back, as a broker bridge would
   */
  public static UserSystem start(boolean jsonRoundTrip) {
    return start(jsonRoundTrip, ServiceOptions.defaults());
  }

  /**
   * Starts the bridge and the service with other service options; with an {@code openTelemetry} in them, the
   * client traces with it too.
   */
  static UserSystem start(boolean jsonRoundTrip, ServiceOptions options) {
    return new UserSystem(DefaultEventBridge.configure(bridge -> bridge.jsonRoundTrip(jsonRoundTrip)), options);
  }

  /** One blocking call through the public client API. */
  public GetUserResult getUser(String id) {
    return getUser(new GetUserPayload(id));
  }

  /** One blocking call with any payload; a payload that breaks its constraints ends in a 400 error. */
  public GetUserResult getUser(GetUserPayload payload) {
    return client.invoke(UserService.GET_USER_ADDRESS, payload, NO_PARAMETER, GetUserResult.class);
  }

  /**
   * One call that does not block: the same message {@link PuristaClient} builds (sender, trace id, correlation
   * id), with the bridge's default timeout; an error response fails the future with the caller-side error.
   */
  public CompletableFuture<GetUserResult> getUserAsync(String id) {
    Message command = Message.builder(MessageType.COMMAND)
        .sender(sender)
        .traceId(MessageIds.newId())
        .correlationId(MessageIds.newId())
        .receiver(UserService.GET_USER_ADDRESS)
        .payload(new CommandPayload(new GetUserPayload(id), NO_PARAMETER))
        .build();
    return bridge.invoke(command, bridge.defaultCommandTimeout()).thenApply(this::result);
  }

  private GetUserResult result(Message response) {
    if (response.messageType() == MessageType.COMMAND_ERROR_RESPONSE) {
      throw CommandResponses.toError(response);
    }
    Object payload = response.payload();
    return payload instanceof GetUserResult result ? result : mapper.convertValue(payload, GetUserResult.class);
  }

  @Override
  public void close() {
    service.close();
    bridge.stop();
  }
}
