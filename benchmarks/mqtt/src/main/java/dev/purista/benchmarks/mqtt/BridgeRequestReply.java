package dev.purista.benchmarks.mqtt;

import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageIds;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.Messages;
import dev.purista.core.spi.CommandSpec;
import dev.purista.mqtt.MqttBridge;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Request/reply through two {@link MqttBridge}s (two "processes"), at the bridge SPI: the caller's bridge
 * {@code invoke}s a command, the other bridge's endpoint answers at once. This is what the bridge adds to the raw
 * client: the PURISTA envelope as JSON, the 13-segment topics, the correlation table, the user properties.
 */
final class BridgeRequestReply implements RequestReply {
  static final MessageAddress COMMAND = MessageAddress.of("bench", "1", "echo");
  static final Map<String, Object> PAYLOAD = Map.of("name", "benchmark", "count", 1);
  static final Map<String, Object> RESULT = Map.of("text", "hello benchmark x1");

  private final MqttBridge server;
  private final MqttBridge client;
  private final MessageAddress sender;

  BridgeRequestReply(String url) {
    server = MqttBridge.configure(config -> config.url(url));
    server.start();
    server.registerCommand(new CommandSpec(COMMAND, null), command -> CompletableFuture.completedFuture(
        Messages.successResponse(command, RESULT, null, Messages.responder(command, server.instanceId()))));
    client = MqttBridge.configure(config -> config.url(url));
    client.start();
    sender = new MessageAddress("benchCaller", "1", "client", client.instanceId());
  }

  /** A command like the ones {@link #call()} sends, for the raw variant's body size. */
  static Message sampleCommand(MessageAddress sender) {
    return Message.builder(MessageType.COMMAND).sender(sender).receiver(COMMAND)
        .correlationId(MessageIds.newId()).traceId(MessageIds.newId())
        .payload(new CommandPayload(PAYLOAD, null)).build();
  }

  MessageAddress sender() {
    return sender;
  }

  @Override
  public String name() {
    return "purista MqttBridge (bridge SPI)";
  }

  @Override
  public void call() throws Exception {
    Message response = client.invoke(sampleCommand(sender), Duration.ofSeconds(5)).get(6, TimeUnit.SECONDS);
    if (response.messageType() != MessageType.COMMAND_SUCCESS_RESPONSE) {
      throw new IllegalStateException("unexpected response " + response);
    }
  }

  @Override
  public void close() {
    client.stop();
    server.stop();
  }
}
