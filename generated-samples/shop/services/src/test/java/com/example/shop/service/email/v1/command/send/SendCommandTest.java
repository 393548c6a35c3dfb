package com.example.shop.service.email.v1.command.send;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.example.shop.service.email.v1.EmailV1Service;
import dev.purista.testkit.CommandHarness;
import dev.purista.testkit.CommandOutcome;
import org.junit.jupiter.api.Test;

class SendCommandTest {
  @Test
  void answers() {
    try (CommandHarness<SendPayload, SendParameter, SendResult> harness =
        CommandHarness.of(EmailV1Service.NAME, EmailV1Service.VERSION, EmailV1Service.SEND)) {
      CommandOutcome<SendResult> outcome = harness.run(new SendPayload(), new SendParameter());
      assertNotNull(outcome.result());
    }
  }
}
