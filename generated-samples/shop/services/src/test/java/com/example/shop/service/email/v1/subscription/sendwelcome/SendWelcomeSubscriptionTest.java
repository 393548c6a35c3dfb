package com.example.shop.service.email.v1.subscription.sendwelcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.shop.service.email.v1.EmailV1Events;
import com.example.shop.service.email.v1.EmailV1Service;
import com.example.shop.service.user.v1.command.signup.SignUpResult;
import dev.purista.testkit.SubscriptionHarness;
import dev.purista.testkit.SubscriptionOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendWelcomeSubscriptionTest {
  @Test
  void handlesTheEventAndEmitsItsOutput() {
    try (SubscriptionHarness harness =
        SubscriptionHarness.of(EmailV1Service.NAME, EmailV1Service.VERSION, EmailV1Service.SEND_WELCOME)) {
      SubscriptionOutcome outcome = harness.deliver(new SignUpResult()).assertSuccess();
      assertEquals(List.of(EmailV1Events.EMAIL_SENT), outcome.eventNames());
    }
  }
}
