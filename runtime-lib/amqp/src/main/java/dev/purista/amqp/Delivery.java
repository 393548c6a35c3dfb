package dev.purista.amqp;

import com.rabbitmq.client.AMQP;

/** One message as it arrived from a queue, with what it takes to settle it. */
record Delivery(ConsumerChannel channel, long deliveryTag, AMQP.BasicProperties properties, byte[] body) {

  String queue() {
    return channel.queue();
  }

  void ack() {
    channel.ack(deliveryTag);
  }

  void requeue() {
    channel.requeue(deliveryTag);
  }
}
