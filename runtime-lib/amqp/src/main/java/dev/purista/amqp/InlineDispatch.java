package dev.purista.amqp;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The executor the client dispatches consumer callbacks to: it runs them at once, on the connection's I/O thread.
 *
 * <p>Why: the client's default hands every delivery from its I/O thread to a worker pool. A request/reply
 * crosses that hand-off twice (command in, response back), and on a busy machine each hand-off waits for a
 * thread to be scheduled; measured beside the bare client, the hand-offs were most of what the bridge added to a
 * round trip (see docs/benchmarks/amqp.md). Our callbacks are short and never block: they decode the envelope,
 * hand it to an endpoint that returns at once (the service runtime runs handlers on its own executor), and
 * publish or acknowledge.
 *
 * <p>The rule that follows: nothing that runs in a consumer callback may wait for the broker (no channel
 * open or close, no declare, no cancel), because the thread that would read the broker's answer is the one
 * waiting. Such work goes to the bridge's scheduler instead.
 */
final class InlineDispatch extends AbstractExecutorService {
  private volatile boolean shutdown;

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
