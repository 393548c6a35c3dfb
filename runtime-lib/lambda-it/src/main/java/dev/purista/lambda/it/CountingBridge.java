package dev.purista.lambda.it;

import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.Message;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.CommandSpec;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.support.ForwardingEventBridge;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory bridge, counting how often it was started, how many commands were registered on it and how many
 * commands were sent through it in this JVM: a function that started its services on every invocation, or invoked
 * a command for an event it refused, would show it here, whatever it logs.
 */
public final class CountingBridge extends ForwardingEventBridge {
  static final AtomicInteger STARTS = new AtomicInteger();
  static final AtomicInteger COMMAND_REGISTRATIONS = new AtomicInteger();
  static final AtomicInteger INVOCATIONS = new AtomicInteger();

  public CountingBridge() {
    super(new DefaultEventBridge());
  }

  @Override
  public void start() {
    STARTS.incrementAndGet();
    super.start();
  }

  @Override
  public Registration registerCommand(CommandSpec spec, CommandEndpoint endpoint) {
    COMMAND_REGISTRATIONS.incrementAndGet();
    return super.registerCommand(spec, endpoint);
  }

  @Override
  public CompletableFuture<Message> invoke(Message command, Duration timeout) {
    INVOCATIONS.incrementAndGet();
    return super.invoke(command, timeout);
  }
}
