package dev.purista.lambda;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a function does around a SnapStart (CRaC) snapshot. Before the checkpoint: each HTTP route is primed
 * once ({@link LambdaFunction#prime()}: routing and binding, no handler), and a function on a broker bridge stops
 * its services and closes the bridge, because a snapshot must not contain open connections. After the restore,
 * such a function starts its services again on a new bridge from its factory. A function on the in-memory bridge
 * keeps its started services in the snapshot.
 */
public final class SnapStartHooks implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartHooks.class);

  private final LambdaFunction function;

  private SnapStartHooks(LambdaFunction function) {
    this.function = function;
  }

  /**
   * Hooks for {@code function}, registered with the global CRaC context. The context holds resources weakly,
   * so keep the returned object referenced (the handler does).
   */
  public static SnapStartHooks register(LambdaFunction function) {
    SnapStartHooks hooks = new SnapStartHooks(function);
    Core.getGlobalContext().register(hooks);
    return hooks;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    int primed = function.prime();
    if (function.usesBroker()) {
      function.stop();
    }
    LOG.info("before the snapshot: {} routes primed{}", primed,
        function.usesBroker() ? ", services stopped and broker connections closed" : "");
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    if (function.usesBroker()) {
      function.start();
      LOG.info("after the restore: services started on a new bridge");
    }
  }
}
