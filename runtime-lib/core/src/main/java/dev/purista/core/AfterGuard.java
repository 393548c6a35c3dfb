package dev.purista.core;

/** Runs after the handler and output validation, with the result; throw {@link HandledError} to refuse. */
@FunctionalInterface
public interface AfterGuard<P, Q, R> {
  void check(CommandContext context, R result, P payload, Q parameter) throws Exception;
}
