package com.example.shop.service.ping.v1.command.ping;

import dev.purista.core.CommandContext;
import dev.purista.core.CommandHandler;

/**
 * Handles command {@code ping} of service ping v1: Answers pong.
 *
 * <p>Exposed over HTTP as {@code GET ping}.
 */
public final class PingCommand implements CommandHandler<PingPayload, PingParameter, PingResult> {
  @Override
  public PingResult handle(CommandContext context, PingPayload payload, PingParameter parameter) {
    // Business logic goes here. Call other services through their typed clients, such as
    // new SomeV1Client(context), and throw HandledError to answer with a business error.
    return new PingResult("pong");
  }
}
