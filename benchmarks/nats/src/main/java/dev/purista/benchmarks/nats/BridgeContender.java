package dev.purista.benchmarks.nats;

import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.Messages;
import dev.purista.core.spi.CommandSpec;
import dev.purista.nats.NatsBridge;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Request/reply through {@link NatsBridge}: two bridges, like two processes, one serving a command whose endpoint
 * answers at once, the other invoking it. This is everything the bridge adds to the raw client: the envelope
 * written and read on both sides, the subject built from it, the call's deadline, the correlation check.
 */
final class BridgeContender implements Contender {
  static final MessageAddress ECHO = MessageAddress.of("benchmark", "1", "echo");
  static final MessageAddress CALLER = MessageAddress.of("caller", "1", "benchmark");
  static final Map<String, Object> PAYLOAD = Map.of("userId", 42, "name", "Ada Lovelace", "tags", "a,b,c");
  static final Map<String, Object> RESULT = Map.of("ok", true, "greeting", "hello Ada Lovelace");

  private final NatsBridge serving;
  private final NatsBridge calling;

  BridgeContender(String url) {
    serving = NatsBridge.configure(c -> c.url(url));
    calling = NatsBridge.configure(c -> c.url(url));
    serving.start();
    calling.start();
    serving.registerCommand(new CommandSpec(ECHO, null), command -> CompletableFuture.completedFuture(
        Messages.successResponse(command, RESULT, null, Messages.responder(command, serving.instanceId()))));
  }

  /** A command as the service runtime builds one. */
  static Message command(String instanceId) {
    return Message.builder(MessageType.COMMAND)
        .traceId(MessageIds.newId())
        .correlationId(MessageIds.newId())
        .sender(CALLER.withInstanceId(instanceId))
        .receiver(ECHO)
        .payload(new CommandPayload(PAYLOAD, null))
        .build();
  }

  String callerInstanceId() {
    return calling.instanceId();
  }

  @Override
  public String name() {
    return "NatsBridge.invoke";
  }

  @Override
  public void call() throws Exception {
    Message response = calling.invoke(command(calling.instanceId()), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
    if (response.messageType() != MessageType.COMMAND_SUCCESS_RESPONSE) {
      throw new IllegalStateException("unexpected response " + response);
    }
  }

  @Override
  public void close() {
    calling.stop();
    serving.stop();
  }
}
