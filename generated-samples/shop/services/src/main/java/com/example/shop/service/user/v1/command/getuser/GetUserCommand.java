package com.example.shop.service.user.v1.command.getuser;

import dev.purista.core.CommandContext;
import dev.purista.core.CommandHandler;

/**
 * Handles command {@code getUser} of service user v1: Reads one user.
 *
 * <p>Exposed over HTTP as {@code GET users/{id}}.
 */
public final class GetUserCommand implements CommandHandler<GetUserPayload, GetUserParameter, GetUserResult> {
  @Override
  public GetUserResult handle(CommandContext context, GetUserPayload payload,
      GetUserParameter parameter) {
    // Business logic goes here. Call other services through their typed clients, such as
    // new SomeV1Client(context), and throw HandledError to answer with a business error.
    return new GetUserResult();
  }
}
