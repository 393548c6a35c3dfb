package dev.purista.examples.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.purista.core.StatusCode;
import dev.purista.testkit.CommandHarness;
import dev.purista.testkit.CommandOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserServiceTest {
  @Test
  void signUpNumbersUsersAndAnnouncesThem() {
    try (var harness = CommandHarness.of("user", "1", UserService.SIGN_UP)) {
      harness.run(new UserService.SignUpPayload("a@example.com"), new UserService.SignUpParameter()).result();
      CommandOutcome<UserService.SignUpResult> second =
          harness.run(new UserService.SignUpPayload("b@example.com"), new UserService.SignUpParameter());

      assertEquals(2, second.result().userNumber());
      assertEquals(List.of(UserService.USER_SIGNED_UP), second.eventNames());
    }
  }

  @Test
  void anInvalidEmailIsRefusedWith400() {
    try (var harness = CommandHarness.of("user", "1", UserService.SIGN_UP)) {
      CommandOutcome<UserService.SignUpResult> outcome =
          harness.run(new UserService.SignUpPayload("nope"), new UserService.SignUpParameter());

      assertEquals(StatusCode.BAD_REQUEST, outcome.expectError().status());
      assertEquals(List.of(), outcome.eventNames());
    }
  }
}
