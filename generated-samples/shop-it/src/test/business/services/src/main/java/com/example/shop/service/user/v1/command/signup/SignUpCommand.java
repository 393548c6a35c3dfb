package com.example.shop.service.user.v1.command.signup;

import dev.purista.core.CommandContext;
import dev.purista.core.CommandHandler;
import java.util.UUID;

/**
 * Handles command {@code signUp} of service user v1: stores the user in the state store under a new id.
 */
public final class SignUpCommand implements CommandHandler<SignUpPayload, SignUpParameter, SignUpResult> {
  @Override
  public SignUpResult handle(CommandContext context, SignUpPayload payload,
      SignUpParameter parameter) {
    String id = UUID.randomUUID().toString();
    context.states().set("user:" + id, payload.name());
    return new SignUpResult(id, payload.name(), ProcessHandle.current().pid());
  }
}
