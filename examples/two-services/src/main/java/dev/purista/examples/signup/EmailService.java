package dev.purista.examples.signup;

import dev.purista.core.CommandDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.store.StateStore;
import java.util.ArrayList;
import java.util.List;

/** Service {@code email} v1: welcomes every new user and can tell whom it welcomed. */
public final class EmailService {
  public static final String WELCOME_SENT = "email.welcomeSent";

  /** The part of {@code user.signedUp} this service needs; other fields of the event are ignored. */
  public record UserSignedUp(String email, long userNumber) {
  }

  public record WelcomeSent(String to, String subject) {
  }

  public record NoInput() {
  }

  public record SentMails(List<String> recipients) {
  }

  public static final SubscriptionDefinition<UserSignedUp, WelcomeSent> SEND_WELCOME = SubscriptionDefinition
      .builder("sendWelcome", UserSignedUp.class, WelcomeSent.class)
      .description("sends the welcome mail")
      .event(UserService.USER_SIGNED_UP)
      .emits(WELCOME_SENT)
      .handler((context, event) -> {
        // A real service would call a mail API here; the state store stands in for the mailbox. Handlers run
        // concurrently, so each mail gets its own key from an atomic counter instead of a shared list that
        // concurrent read-modify-writes would lose entries of.
        long number = context.states().increment("sentCount");
        context.states().set("sent:" + number, event.email());
        return new WelcomeSent(event.email(), "Welcome, user #" + event.userNumber());
      })
      .build();

  public static final CommandDefinition<NoInput, NoInput, SentMails> LIST_SENT = CommandDefinition
      .builder("listSent", NoInput.class, NoInput.class, SentMails.class)
      .description("lists the recipients of welcome mails")
      .handler((context, payload, parameter) -> new SentMails(sentTo(context.states())))
      .build();

  public static final ServiceDefinition DEFINITION = ServiceDefinition.builder("email", "1")
      .description("outgoing mail")
      .subscription(SEND_WELCOME)
      .command(LIST_SENT)
      .build();

  private static List<String> sentTo(StateStore states) {
    long count = states.get("sentCount", Long.class).orElse(0L);
    List<String> recipients = new ArrayList<>();
    for (long n = 1; n <= count; n++) {
      states.get("sent:" + n, String.class).ifPresent(recipients::add);
    }
    return recipients;
  }

  private EmailService() {
  }
}
