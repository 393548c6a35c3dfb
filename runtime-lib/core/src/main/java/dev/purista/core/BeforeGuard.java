package dev.purista.core;

/** Runs after input validation and before the handler; throw {@link HandledError} (401, 403, ...) to refuse. */
@FunctionalInterface
public interface BeforeGuard<P, Q> {
  void check(CommandContext context, P payload, Q parameter) throws Exception;
}
