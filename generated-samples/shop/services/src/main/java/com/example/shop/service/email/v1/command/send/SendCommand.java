package com.example.shop.service.email.v1.command.send;

import dev.purista.core.CommandContext;
import dev.purista.core.CommandHandler;

/**
 * Handles command {@code send} of service email v1: Sends one email.
 */
public final class SendCommand implements CommandHandler<SendPayload, SendParameter, SendResult> {
  @Override
  public SendResult handle(CommandContext context, SendPayload payload, SendParameter parameter) {
    // Business logic goes here. Call other services through their typed clients, such as
    // new SomeV1Client(context), and throw HandledError to answer with a business error.
    return new SendResult();
  }
}
