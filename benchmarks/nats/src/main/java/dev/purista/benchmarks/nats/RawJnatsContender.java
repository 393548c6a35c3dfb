package dev.purista.benchmarks.nats;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;

/**
 * The baseline: the bare jnats client. One connection answers from a plain dispatcher, another calls with
 * {@code Connection.request}; the bodies are the very bytes the bridge sends, so only the bridge's own work
 * differs.
 */
final class RawJnatsContender implements Contender {
  private final Connection responder;
  private final Connection requester;
  private final String subject;
  private final byte[] request;

  RawJnatsContender(String url, String subject, byte[] request, byte[] reply) throws Exception {
    this.subject = subject;
    this.request = request;
    responder = Nats.connect(new Options.Builder().server(url).build());
    requester = Nats.connect(new Options.Builder().server(url).build());
    Dispatcher dispatcher = responder.createDispatcher((Message msg) -> responder.publish(msg.getReplyTo(), reply));
    dispatcher.subscribe(subject, "raw-benchmark");
    responder.flush(Duration.ofSeconds(5));
  }

  @Override
  public String name() {
    return "raw jnats request/reply";
  }

  @Override
  public void call() throws Exception {
    Message reply = requester.request(subject, request, Duration.ofSeconds(5));
    if (reply == null) {
      throw new IllegalStateException("raw request timed out");
    }
  }

  @Override
  public void close() {
    try {
      requester.close();
      responder.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
