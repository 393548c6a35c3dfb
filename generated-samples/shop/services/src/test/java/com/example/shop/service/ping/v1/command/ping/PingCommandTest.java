package com.example.shop.service.ping.v1.command.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.shop.service.ping.v1.PingV1Service;
import dev.purista.testkit.CommandHarness;
import dev.purista.testkit.CommandOutcome;
import org.junit.jupiter.api.Test;

class PingCommandTest {
  @Test
  void answersPong() {
    try (CommandHarness<PingPayload, PingParameter, PingResult> harness =
        CommandHarness.of(PingV1Service.NAME, PingV1Service.VERSION, PingV1Service.PING)) {
      CommandOutcome<PingResult> outcome = harness.run(new PingPayload(), new PingParameter());
      assertEquals("pong", outcome.result().message());
    }
  }
}
