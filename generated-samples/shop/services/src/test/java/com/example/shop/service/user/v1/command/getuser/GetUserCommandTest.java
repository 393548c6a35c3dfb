package com.example.shop.service.user.v1.command.getuser;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.example.shop.service.user.v1.UserV1Service;
import dev.purista.testkit.CommandHarness;
import dev.purista.testkit.CommandOutcome;
import org.junit.jupiter.api.Test;

class GetUserCommandTest {
  @Test
  void answers() {
    try (CommandHarness<GetUserPayload, GetUserParameter, GetUserResult> harness =
        CommandHarness.of(UserV1Service.NAME, UserV1Service.VERSION, UserV1Service.GET_USER)) {
      CommandOutcome<GetUserResult> outcome = harness.run(new GetUserPayload(), new GetUserParameter("1"));
      assertNotNull(outcome.result());
    }
  }
}
