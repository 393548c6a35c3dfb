package dev.purista.examples.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.purista.testkit.SubscriptionHarness;
import dev.purista.testkit.SubscriptionOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailServiceTest {
  @Test
  void aSignedUpUserGetsAWelcomeMailAndTheServiceSaysSo() {
    try (var harness = SubscriptionHarness.of("email", "1", EmailService.SEND_WELCOME)) {
      SubscriptionOutcome outcome = harness.deliver(new EmailService.UserSignedUp("ada@example.com", 7))
          .assertSuccess();

      assertEquals(List.of(EmailService.WELCOME_SENT), outcome.eventNames());
      assertEquals(new EmailService.WelcomeSent("ada@example.com", "Welcome, user #7"),
          outcome.eventPayload(EmailService.WELCOME_SENT, EmailService.WelcomeSent.class));
    }
  }
}
