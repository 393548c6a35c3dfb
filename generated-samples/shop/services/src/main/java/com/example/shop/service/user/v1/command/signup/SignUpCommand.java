package com.example.shop.service.user.v1.command.signup;

import dev.purista.core.CommandContext;
import dev.purista.core.CommandHandler;

/**
 * Handles command {@code signUp} of service user v1: Registers a new user.
 *
 * <p>Exposed over HTTP as {@code POST users}.
 *
 * <p>Its result is emitted as the event {@code user.signedUp}.
 */
public final class SignUpCommand implements CommandHandler<SignUpPayload, SignUpParameter, SignUpResult> {
  @Override
  public SignUpResult handle(CommandContext context, SignUpPayload payload,
      SignUpParameter parameter) {
    // Business logic goes here. Call other services through their typed clients, such as
    // new SomeV1Client(context), and throw HandledError to answer with a business error.
    return new SignUpResult();
  }
}
