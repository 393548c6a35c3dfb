package dev.purista.core;

/** The last step of the pipeline: turns the validated result into what the caller receives. */
@FunctionalInterface
public interface OutputTransformer<Q, R> {
  Object transform(CommandContext context, R result, Q parameter) throws Exception;
}
