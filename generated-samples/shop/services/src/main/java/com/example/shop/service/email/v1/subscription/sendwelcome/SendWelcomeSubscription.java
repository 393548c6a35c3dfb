package com.example.shop.service.email.v1.subscription.sendwelcome;

import com.example.shop.service.user.v1.command.signup.SignUpResult;
import dev.purista.core.SubscriptionContext;
import dev.purista.core.SubscriptionHandler;

/**
 * Reacts to the event {@code user.signedUp} in service email v1: Welcomes a new user.
 *
 * <p>A non-null result is emitted as the event {@code email.sent}.
 */
public final class SendWelcomeSubscription implements SubscriptionHandler<SignUpResult, SendWelcomeOutput> {
  @Override
  public SendWelcomeOutput handle(SubscriptionContext context, SignUpResult payload) {
    // Business logic goes here. A thrown exception marks the delivery failed, and durable
    // bridges deliver the event again.
    return new SendWelcomeOutput();
  }
}
