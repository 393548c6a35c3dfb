package dev.purista.benchmarks.amqp;

/** One way to make a request/reply call; the benchmark times {@link #call()} calls of each side in turn. */
interface RequestReply extends AutoCloseable {
  String name();

  /** One call, returning when its reply arrived; fails if it did not. */
  void call() throws Exception;

  @Override
  void close() throws java.io.IOException;
}
