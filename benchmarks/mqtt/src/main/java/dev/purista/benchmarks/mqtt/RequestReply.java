package dev.purista.benchmarks.mqtt;

/** One way of making a request/reply round trip over the broker; the benchmark times {@link #call()}. */
interface RequestReply extends AutoCloseable {
  String name();

  /** One request and its reply; returns when the reply is in. */
  void call() throws Exception;

  @Override
  void close();
}
