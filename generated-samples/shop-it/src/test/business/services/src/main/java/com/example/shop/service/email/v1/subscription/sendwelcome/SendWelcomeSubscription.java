package com.example.shop.service.email.v1.subscription.sendwelcome;

import com.example.shop.service.user.v1.command.signup.SignUpResult;
import dev.purista.core.SubscriptionContext;
import dev.purista.core.SubscriptionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Reacts to the event {@code user.signedUp} in service email v1: writes the welcome email into the outbox
 * directory named by {@code SHOP_OUTBOX_DIR} (a mail pickup directory), one file per delivery, and emits
 * {@code email.sent}.
 */
public final class SendWelcomeSubscription implements SubscriptionHandler<SignUpResult, SendWelcomeOutput> {
  @Override
  public SendWelcomeOutput handle(SubscriptionContext context, SignUpResult payload) {
    String outbox = System.getenv("SHOP_OUTBOX_DIR");
    if (outbox != null) {
      write(Path.of(outbox), payload);
    }
    return new SendWelcomeOutput(payload.id(), ProcessHandle.current().pid());
  }

  private static void write(Path outbox, SignUpResult payload) {
    String name = payload.id() + "-" + UUID.randomUUID() + ".eml";
    try {
      // Written aside and moved in, so that a reader of the outbox never sees half an email.
      Path draft = Files.writeString(outbox.resolve(name + ".tmp"),
          "To: " + payload.name() + "\nSubject: Welcome\n\nWelcome, " + payload.name() + "!\n",
          StandardCharsets.UTF_8);
      Files.move(draft, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
