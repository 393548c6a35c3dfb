package dev.purista.core;

/**
 * Reacts to an event. A non-null return value is emitted as the subscription's output event when the
 * definition names one ({@code emits(...)}); return {@code null} to emit nothing. A thrown exception marks the
 * delivery failed: durable bridges redeliver it, and later deliveries go on either way.
 *
 * @param <P> the event payload type
 * @param <R> the output event payload type, or {@link Void}
 */
@FunctionalInterface
public interface SubscriptionHandler<P, R> {
  R handle(SubscriptionContext context, P payload) throws Exception;
}
