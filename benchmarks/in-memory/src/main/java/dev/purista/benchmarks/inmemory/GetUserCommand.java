package dev.purista.benchmarks.inmemory;

import dev.purista.core.CommandContext;
import dev.purista.core.CommandHandler;

/**
 * The handler both sides of the comparison run: the original's
 * {@code async (_ctx, payload) => ({id: payload.id, name: 'n' + payload.id})}. It does not touch the context,
 * so the direct-call baseline may pass none.
 */
public final class GetUserCommand implements CommandHandler<GetUserPayload, GetUserParameter, GetUserResult> {
  @Override
  public GetUserResult handle(CommandContext context, GetUserPayload payload, GetUserParameter parameter) {
    return new GetUserResult(payload.id(), "n" + payload.id());
  }
}
