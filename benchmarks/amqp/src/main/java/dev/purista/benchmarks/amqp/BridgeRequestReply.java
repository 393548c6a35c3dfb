package dev.purista.benchmarks.amqp;

import dev.purista.amqp.AmqpBridge;
import dev.purista.amqp.AmqpBridgeConfig;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.Messages;
import dev.purista.core.spi.CommandSpec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Our side: {@link AmqpBridge#invoke} from one bridge to a command endpoint on another, each with its own
 * connection. The endpoint answers at once, as the raw responder does, so the difference between the two is what
 * the bridge adds: the envelope as JSON both ways, PURISTA's headers, the headers exchange, the reply queue and
 * the deadline table.
 */
final class BridgeRequestReply implements RequestReply {
  private static final MessageAddress COMMAND = MessageAddress.of("bench", "1", "echo");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final AmqpBridge caller;
  private final AmqpBridge responder;
  private final MessageAddress sender;
  private final Object payload;

  BridgeRequestReply(Consumer<AmqpBridgeConfig.Builder> settings, Object payload) {
    this.payload = payload;
    responder = AmqpBridge.configure(settings.andThen(config -> config
        .instanceId("bench-responder-" + MessageIds.newId().substring(0, 6)).connectionName("bench-bridge-responder")));
    responder.start();
    caller = AmqpBridge.configure(settings.andThen(config -> config
        .instanceId("bench-caller-" + MessageIds.newId().substring(0, 6)).connectionName("bench-bridge-caller")));
    caller.start();
    sender = new MessageAddress("benchmark", "1", "caller", caller.instanceId());
    responder.registerCommand(new CommandSpec(COMMAND, null), command -> CompletableFuture.completedFuture(
        Messages.successResponse(command, command.commandPayload().payload(), null,
            Messages.responder(command, responder.instanceId()))));
  }

  /** The command message one call sends; also what the raw side's body is sized after. */
  Message command() {
    return Message.builder(MessageType.COMMAND)
        .correlationId(MessageIds.newId())
        .traceId(MessageIds.newId())
        .sender(sender)
        .receiver(COMMAND)
        .payload(new CommandPayload(payload, Map.of()))
        .build();
  }

  @Override
  public String name() {
    return "AmqpBridge.invoke";
  }

  @Override
  public void call() throws Exception {
    Message response = caller.invoke(command(), TIMEOUT).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (response.messageType() != MessageType.COMMAND_SUCCESS_RESPONSE) {
      throw new IllegalStateException("unexpected response " + response);
    }
  }

  @Override
  public void close() {
    caller.stop();
    responder.stop();
  }
}
