package dev.purista.testkit;

import dev.purista.core.CommandDefinition;
import dev.purista.core.PuristaClient;
import dev.purista.core.PuristaError;
import dev.purista.core.Service;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.Messages;
import dev.purista.core.spi.CommandSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Runs one command through the real pipeline (binding, validation, guards, handler, output validation, success
 * event) on an in-memory bridge that round-trips every message through JSON, so a passing test also proves the
 * payloads survive a broker. Commands of other services the handler calls are stubbed.
 *
 * <pre>{@code
 * try (var harness = CommandHarness.of("user", "1", SignUpCommand.DEFINITION)) {
 *   CommandOutcome<SignUpResult> outcome = harness.run(new SignUpPayload("a@b.c"), new SignUpParameter());
 *   assertEquals(1, outcome.result().userNumber());
 *   assertEquals(List.of("user.signedUp"), outcome.eventNames());
 * }
 * }</pre>
 */
public final class CommandHarness<P, Q, R> implements AutoCloseable {
  private final RecordingBridge bridge;
  private final MessageAddress address;
  private final Class<R> resultType;
  private final ServiceDefinition service;
  private final ServiceOptions options;
  private Service instance;
  private Duration timeout = Duration.ofSeconds(10);

  private CommandHarness(String serviceName, String serviceVersion, CommandDefinition<P, Q, R> command,
      ServiceOptions options) {
    this.bridge = new RecordingBridge(DefaultEventBridge.configure(o -> o.jsonRoundTrip(true)));
    this.address = MessageAddress.of(serviceName, serviceVersion, command.name());
    this.resultType = command.resultType();
    this.service = ServiceDefinition.builder(serviceName, serviceVersion).command(command).build();
    this.options = options;
    bridge.start();
  }

  /** A harness for {@code command} as part of service {@code serviceName} version {@code serviceVersion}. */
  public static <P, Q, R> CommandHarness<P, Q, R> of(String serviceName, String serviceVersion,
      CommandDefinition<P, Q, R> command) {
    return new CommandHarness<>(serviceName, serviceVersion, command, ServiceOptions.defaults());
  }

  /** As {@link #of(String, String, CommandDefinition)}, with stores or resources of your own. */
  public static <P, Q, R> CommandHarness<P, Q, R> of(String serviceName, String serviceVersion,
      CommandDefinition<P, Q, R> command, ServiceOptions options) {
    return new CommandHarness<>(serviceName, serviceVersion, command, options);
  }

  /** Answers calls to another service's command with {@code answer(payload, parameter)}. */
  public CommandHarness<P, Q, R> stubCommand(MessageAddress command,
      BiFunction<Object, Object, Object> answer) {
    bridge.registerCommand(new CommandSpec(command, null), message -> {
      CommandPayload input = message.commandPayload();
      try {
        Object result = answer.apply(input.payload(), input.parameter());
        return CompletableFuture.completedFuture(Messages.successResponse(message, result, null,
            command.withInstanceId(bridge.instanceId())));
      } catch (PuristaError e) {
        return CompletableFuture.completedFuture(Messages.errorResponse(message, e,
            command.withInstanceId(bridge.instanceId())));
      }
    });
    return this;
  }

  /** The deadline of each {@link #run}; 10 seconds by default, so a hanging handler fails the test. */
  public CommandHarness<P, Q, R> timeout(Duration value) {
    this.timeout = value;
    return this;
  }

  /** Runs the command once with this input. */
  public CommandOutcome<R> run(P payload, Q parameter) {
    return runRaw(payload, parameter);
  }

  /** Runs the command with input of any shape, such as a map standing for JSON a foreign caller sent. */
  public CommandOutcome<R> runRaw(Object payload, Object parameter) {
    if (instance == null) {
      instance = service.getInstance(bridge, options);
      instance.start();
    }
    bridge.clear();
    PuristaClient client = PuristaClient.of(bridge, "test");
    try {
      R result = client.invoke(address, payload, parameter, resultType, timeout);
      return new CommandOutcome<>(result, null, bridge.events());
    } catch (PuristaError e) {
      return new CommandOutcome<>(null, e, bridge.events());
    }
  }

  @Override
  public void close() {
    if (instance != null) {
      instance.stop(Duration.ofSeconds(5));
    }
    bridge.stop();
  }
}
