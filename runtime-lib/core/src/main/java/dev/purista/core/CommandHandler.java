package dev.purista.core;

/**
 * The business logic of a command: one typed input, one typed output. It runs on the service's handler
 * executor, so blocking calls (JDBC, HTTP clients) are fine. Throw {@link HandledError} to answer with a business
 * error; anything else becomes a generic 500 for the caller and a logged stack trace for you.
 *
 * @param <P> the payload type, usually a record
 * @param <Q> the parameter type, usually a record (query and path values when exposed over HTTP)
 * @param <R> the result type
 */
@FunctionalInterface
public interface CommandHandler<P, Q, R> {
  R handle(CommandContext context, P payload, Q parameter) throws Exception;
}
