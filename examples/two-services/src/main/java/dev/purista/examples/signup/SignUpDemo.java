package dev.purista.examples.signup;

import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.MessageAddress;
import java.time.Duration;
import java.util.List;

/**
 * Runs both services in one process on the in-memory bridge, signs up three users, shows that a bad payload is
 * refused with a 400, waits until the email service has welcomed every user, and stops gracefully. Exit status 0
 * means every step worked.
 */
public final class SignUpDemo {
  private static final MessageAddress SIGN_UP = MessageAddress.of("user", "1", "signUp");
  private static final MessageAddress LIST_SENT = MessageAddress.of("email", "1", "listSent");

  private SignUpDemo() {
  }

  public static void main(String[] args) throws InterruptedException {
    Application app = Application.builder(new DefaultEventBridge())
        .service(UserService.DEFINITION)
        .service(EmailService.DEFINITION)
        .build()
        .start();
    try {
      PuristaClient client = app.client("demo");
      List<String> emails = List.of("ada@example.com", "grace@example.com", "linus@example.com");
      for (String email : emails) {
        UserService.SignUpResult result = client.invoke(SIGN_UP, new UserService.SignUpPayload(email),
            new UserService.SignUpParameter(), UserService.SignUpResult.class);
        System.out.println("signed up " + result.email() + " as user #" + result.userNumber());
      }
      try {
        client.invoke(SIGN_UP, new UserService.SignUpPayload("not an email"), new UserService.SignUpParameter(),
            UserService.SignUpResult.class);
        throw new IllegalStateException("an invalid email was accepted");
      } catch (HandledError refused) {
        System.out.println("refused: " + refused.status().code() + " " + refused.getMessage());
      }
      List<String> welcomed = awaitWelcomes(client, emails.size(), Duration.ofSeconds(10));
      System.out.println("welcome mails sent to " + welcomed);
      if (!welcomed.containsAll(emails)) {
        throw new IllegalStateException("not every user was welcomed: " + welcomed);
      }
    } finally {
      app.stop();
    }
  }

  private static List<String> awaitWelcomes(PuristaClient client, int expected, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      List<String> sent = client.invoke(LIST_SENT, new EmailService.NoInput(), new EmailService.NoInput(),
          EmailService.SentMails.class).recipients();
      if (sent.size() >= expected || System.nanoTime() > deadline) {
        return sent;
      }
      Thread.sleep(20);
    }
  }
}
