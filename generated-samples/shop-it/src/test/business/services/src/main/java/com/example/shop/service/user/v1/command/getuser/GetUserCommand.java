package com.example.shop.service.user.v1.command.getuser;

import dev.purista.core.CommandContext;
import dev.purista.core.CommandHandler;
import dev.purista.core.HandledError;
import dev.purista.core.StatusCode;

/**
 * Handles command {@code getUser} of service user v1: reads the user from the state store.
 */
public final class GetUserCommand implements CommandHandler<GetUserPayload, GetUserParameter, GetUserResult> {
  @Override
  public GetUserResult handle(CommandContext context, GetUserPayload payload,
      GetUserParameter parameter) {
    String name = context.states().get("user:" + parameter.id(), String.class)
        .orElseThrow(() -> new HandledError(StatusCode.NOT_FOUND, "no user " + parameter.id()));
    return new GetUserResult(parameter.id(), name);
  }
}
