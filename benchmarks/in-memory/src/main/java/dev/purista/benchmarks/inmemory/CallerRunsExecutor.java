package dev.purista.benchmarks.inmemory;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs every task on the thread that submits it. Given to a service through {@code ServiceOptions.executor}, it
 * makes the in-memory bridge run the whole pipeline on the caller's thread, which measures the runtime's own
 * work without any thread hand-off. It is a measuring device, not a configuration to ship: a handler that hangs
 * would hang its caller past the call's deadline, which the bridge contract forbids.
 */
final class CallerRunsExecutor extends AbstractExecutorService {
  private volatile boolean shutdown;

  @Override
  public void execute(Runnable task) {
    task.run();
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
    return shutdown;
  }
}
