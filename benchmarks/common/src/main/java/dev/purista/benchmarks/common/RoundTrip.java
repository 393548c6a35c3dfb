package dev.purista.benchmarks.common;

/** One way of making a call and waiting for its answer: one side of a benchmark, timed call by call. */
public interface RoundTrip {
  /** The side's name, as the report shows it. */
  String name();

  /** One call; returns once its answer is in, and throws if the answer is missing or wrong. */
  void call() throws Exception;
}
