package dev.purista.core;

/** The context of a subscription handler. */
public interface SubscriptionContext extends HandlerContext {
}
