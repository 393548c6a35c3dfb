package dev.purista.amqp;

import static com.rabbitmq.client.impl.recovery.TopologyRecoveryRetryLogic.CHANNEL_CLOSED_NOT_FOUND;
import static com.rabbitmq.client.impl.recovery.TopologyRecoveryRetryLogic.RECOVER_BINDING;
import static com.rabbitmq.client.impl.recovery.TopologyRecoveryRetryLogic.RECOVER_BINDING_QUEUE;
import static com.rabbitmq.client.impl.recovery.TopologyRecoveryRetryLogic.RECOVER_CHANNEL;
import static com.rabbitmq.client.impl.recovery.TopologyRecoveryRetryLogic.RECOVER_CONSUMER;
import static com.rabbitmq.client.impl.recovery.TopologyRecoveryRetryLogic.RECOVER_CONSUMER_QUEUE;
import static com.rabbitmq.client.impl.recovery.TopologyRecoveryRetryLogic.RECOVER_CONSUMER_QUEUE_BINDINGS;
import static com.rabbitmq.client.impl.recovery.TopologyRecoveryRetryLogic.RECOVER_PREVIOUS_CONSUMERS;
import static com.rabbitmq.client.impl.recovery.TopologyRecoveryRetryLogic.RECOVER_PREVIOUS_QUEUE_BINDINGS;
import static com.rabbitmq.client.impl.recovery.TopologyRecoveryRetryLogic.RECOVER_QUEUE;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.recovery.RetryHandler;
import com.rabbitmq.client.impl.recovery.TopologyRecoveryRetryHandlerBuilder;
import java.time.Duration;

/**
 * When to try a step of topology recovery again instead of giving up on it, which would leave a queue without its
 * consumer until the process restarts:
 * <ul>
 *   <li>an exclusive queue (reply queue, every-instance subscription) is still locked: after a network failure the
 *       broker may not yet have noticed that the old connection is gone, and refuses the new one its queue until
 *       it does;</li>
 *   <li>an auto-delete queue is missing when its binding or consumer is restored, because it went away with the
 *       old connection: the client declares it again first (the client's own rule for this case).</li>
 * </ul>
 */
final class RecoveryRetries {
  private RecoveryRetries() {
  }

  static RetryHandler handler(Duration interval, int attempts) {
    return TopologyRecoveryRetryHandlerBuilder.builder()
        .queueRecoveryRetryCondition((queue, failure) -> replyCode(failure) == AMQP.RESOURCE_LOCKED)
        .queueRecoveryRetryOperation(RECOVER_CHANNEL.andThen(RECOVER_QUEUE))
        .bindingRecoveryRetryCondition(CHANNEL_CLOSED_NOT_FOUND)
        .bindingRecoveryRetryOperation(RECOVER_CHANNEL.andThen(RECOVER_BINDING_QUEUE).andThen(RECOVER_BINDING)
            .andThen(RECOVER_PREVIOUS_QUEUE_BINDINGS))
        .consumerRecoveryRetryCondition(CHANNEL_CLOSED_NOT_FOUND)
        .consumerRecoveryRetryOperation(RECOVER_CHANNEL.andThen(RECOVER_CONSUMER_QUEUE.andThen(RECOVER_CONSUMER)
            .andThen(RECOVER_CONSUMER_QUEUE_BINDINGS).andThen(RECOVER_PREVIOUS_CONSUMERS)))
        .backoffPolicy(attempt -> Thread.sleep(interval.toMillis()))
        .retryAttempts(attempts)
        .build();
  }

  private static int replyCode(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ShutdownSignalException signal && signal.getReason() instanceof AMQP.Channel.Close close) {
        return close.getReplyCode();
      }
    }
    return 0;
  }
}
