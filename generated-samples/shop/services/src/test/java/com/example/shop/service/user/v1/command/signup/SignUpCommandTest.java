package com.example.shop.service.user.v1.command.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.example.shop.service.user.v1.UserV1Events;
import com.example.shop.service.user.v1.UserV1Service;
import dev.purista.testkit.CommandHarness;
import dev.purista.testkit.CommandOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignUpCommandTest {
  @Test
  void answersAndEmitsItsSuccessEvent() {
    try (CommandHarness<SignUpPayload, SignUpParameter, SignUpResult> harness =
        CommandHarness.of(UserV1Service.NAME, UserV1Service.VERSION, UserV1Service.SIGN_UP)) {
      CommandOutcome<SignUpResult> outcome = harness.run(new SignUpPayload(), new SignUpParameter());
      assertNotNull(outcome.result());
      assertEquals(List.of(UserV1Events.USER_SIGNED_UP), outcome.eventNames());
    }
  }
}
