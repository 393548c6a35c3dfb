package dev.purista.benchmarks.nats;

/** One way of doing the same request/reply; {@link #call()} returns once the reply is there. */
interface Contender extends AutoCloseable {
  String name();

  void call() throws Exception;

  @Override
  void close();
}
