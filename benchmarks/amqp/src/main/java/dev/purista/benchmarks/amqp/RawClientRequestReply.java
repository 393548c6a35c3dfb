package dev.purista.benchmarks.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: what a careful amqp-client user writes for request/reply. The caller publishes to a queue through
 * the default exchange with {@code replyTo=amq.rabbitmq.reply-to} (direct reply-to: no reply queue at all), and
 * a consumer on that queue publishes the body back to the reply-to address, then acknowledges. Caller and
 * responder have a connection each, as two processes would.
 */
final class RawClientRequestReply implements RequestReply {
  private static final String DIRECT_REPLY_TO = "amq.rabbitmq.reply-to";

  private final Connection callerConnection;
  private final Connection responderConnection;
  private final Channel callerChannel;
  private final String queue;
  private final byte[] body;
  private final Map<String, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  RawClientRequestReply(String url, String queue, byte[] body, int prefetch) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(url);
    this.queue = queue;
    this.body = body;
    responderConnection = factory.newConnection("bench-raw-responder");
    Channel responder = responderConnection.createChannel();
    responder.queueDeclare(queue, false, false, true, null);
    responder.basicQos(prefetch);
    responder.basicConsume(queue, false, new DefaultConsumer(responder) {
      @Override
      public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] request)
          throws IOException {
        AMQP.BasicProperties reply = new AMQP.BasicProperties.Builder()
            .correlationId(properties.getCorrelationId()).contentType("application/json").build();
        getChannel().basicPublish("", properties.getReplyTo(), reply, request);
        getChannel().basicAck(envelope.getDeliveryTag(), false);
      }
    });
    callerConnection = factory.newConnection("bench-raw-caller");
    callerChannel = callerConnection.createChannel();
    callerChannel.basicConsume(DIRECT_REPLY_TO, true, new DefaultConsumer(callerChannel) {
      @Override
      public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] reply) {
        CompletableFuture<byte[]> call = pending.remove(properties.getCorrelationId());
        if (call != null) {
          call.complete(reply);
        }
      }
    });
  }

  @Override
  public String name() {
    return "amqp-client, direct reply-to";
  }

  @Override
  public void call() throws Exception {
    String correlationId = Long.toString(ids.incrementAndGet());
    CompletableFuture<byte[]> call = new CompletableFuture<>();
    pending.put(correlationId, call);
    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
        .correlationId(correlationId).replyTo(DIRECT_REPLY_TO).contentType("application/json").build();
    callerChannel.basicPublish("", queue, properties, body);
    if (call.get(10, TimeUnit.SECONDS).length != body.length) {
      throw new IllegalStateException("wrong reply");
    }
  }

  @Override
  public void close() throws IOException {
    callerConnection.close();
    responderConnection.close();
  }
}
