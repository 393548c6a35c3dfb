package dev.purista.benchmarks.queues;

/** One contender of the throughput benchmark: a queue and its workers at one concurrency. */
interface ThroughputSide {
  /** The name the results table shows. */
  String name();

  /**
   * Enqueues {@code jobs} jobs one at a time while the workers run, and returns the nanoseconds from the first
   * enqueue until the last job completed.
   */
  long round(int jobs) throws Exception;

  /** Releases what the side holds; called once, after its last round. */
  void finish() throws Exception;
}
