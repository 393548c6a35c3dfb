package dev.purista.core.spi.support;

import dev.purista.core.HandledError;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.EventBridge;
import dev.purista.core.spi.Registration;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command endpoints a broker bridge registered in this process, for the time after
 * {@link EventBridge#stopAccepting()}: the bridge no longer takes calls off the broker, so a call that work in
 * flight makes to a command of this same process would find no consumer here and wait on the broker for another
 * instance, or for its deadline. {@link #invoke} hands such a call to a local endpoint instead.
 *
 * <p>Until {@link #serveInProcess()}, {@link #invoke} declines every call and calls go over the broker, where
 * all instances compete for them.
 */
public final class LocalCommands {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCommands.class);

  private final Map<MessageAddress, RoundRobin<CommandEndpoint>> endpoints = new ConcurrentHashMap<>();
  private volatile boolean inProcess;

  /** An empty set of endpoints, serving nothing in process yet. */
  public LocalCommands() {
  }

  /**
   * Remembers {@code endpoint} for {@code spec}'s address; closing the returned registration forgets it and then
   * closes {@code onBroker}, the endpoint's registration on the broker.
   */
  public Registration add(CommandSpec spec, CommandEndpoint endpoint, Registration onBroker) {
    MessageAddress address = spec.address();
    endpoints.computeIfAbsent(address, key -> new RoundRobin<>()).add(endpoint);
    return () -> {
      endpoints.computeIfPresent(address, (key, members) -> members.remove(endpoint) ? null : members);
      onBroker.close();
    };
  }

  /** From now on calls to a command registered here are delivered here. Idempotent. */
  public void serveInProcess() {
    inProcess = true;
  }

  public boolean servesInProcess() {
    return inProcess;
  }

  /**
   * Delivers {@code command} to an endpoint of this process, or returns {@code null} when it must go over the
   * broker (not serving in process yet, or no endpoint here). A success response that carries an event name is
   * also passed to {@code publishEvent}, as the bridge's command consumer would publish it.
   */
  public CompletableFuture<Message> invoke(Message command, Duration timeout,
      Function<Message, CompletableFuture<Void>> publishEvent) {
    if (!inProcess) {
      return null;
    }
    RoundRobin<CommandEndpoint> members = endpoints.get(command.receiver().withoutInstanceId());
    CommandEndpoint endpoint = members == null ? null : members.next();
    if (endpoint == null) {
      return null;
    }
    CompletableFuture<Message> response;
    try {
      response = endpoint.handle(command);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return response.thenApply(answer -> {
      if (answer.isEvent() && answer.messageType() == MessageType.COMMAND_SUCCESS_RESPONSE) {
        publishEvent.apply(answer).whenComplete((sent, failure) -> {
          if (failure != null) {
            LOG.error("success event {} of command {} was not published: {}", answer.eventName(),
                command.receiver().describe(), failure.toString());
          }
        });
      }
      return answer;
    }).orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).exceptionallyCompose(failure -> {
      Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      return CompletableFuture.failedFuture(cause instanceof TimeoutException
          ? HandledError.timeout(command.receiver(), timeout) : cause);
    });
  }
}
