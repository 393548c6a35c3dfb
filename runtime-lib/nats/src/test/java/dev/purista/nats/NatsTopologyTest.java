package dev.purista.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.SubscriptionFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names on the broker, as PURISTA's NATS bridge builds them. */
class NatsTopologyTest {
  private final NatsTopology topology = new NatsTopology(NatsBridgeConfig.DEFAULT_PREFIX,
      NatsBridgeConfig.DEFAULT_EMPTY_PART);

  @Test
  void valuesBecomeSnakeCaseTokensLikePuristas() {
    assertEquals("custom_message", SubjectTokens.convert("customMessage"));
    assertEquals("command_success_response", SubjectTokens.convert("commandSuccessResponse"));
    assertEquals("user_signed_up", SubjectTokens.convert("userSignedUp"));
    assertEquals("user_signed_up", SubjectTokens.convert("user.signed-up"));
    assertEquals("http_server", SubjectTokens.convert("HTTPServer"));
    assertEquals("v2_api", SubjectTokens.convert("v2Api"));
    assertEquals("1", SubjectTokens.convert("1"));
  }

  @Test
  void theEmptyPartIsTheOriginalsPlaceholderAsItsSnakeCaseConversionSendsIt() {
    assertEquals(SubjectTokens.convert("__empty__"), NatsBridgeConfig.DEFAULT_EMPTY_PART);
  }

  @Test
  void aValueWithoutLettersOrDigitsCannotChangeTheSubjectsShape() {
    assertEquals("_", SubjectTokens.convert("."));
    assertEquals("__", SubjectTokens.convert("*>"));
    assertEquals("_", SubjectTokens.convert(""));
  }

  @Test
  void aMessageTravelsOnThirteenTokens() {
    Message command = Message.builder(MessageType.COMMAND)
        .sender(new MessageAddress("userGateway", "1", "signUpEndpoint", "abc123"))
        .receiver(MessageAddress.of("user", "2", "signUp"))
        .tenantId("acme")
        .correlationId("c")
        .build();

    String subject = topology.subjectOf(command);

    // PURISTA TypeScript's subject for this command, empty parts included.
    assertEquals("purista.command.empty.acme.abc123.user_gateway.1.sign_up_endpoint.empty.empty.user.2.sign_up",
        subject);
    assertEquals(13, subject.split("\\.").length);
  }

  @Test
  void commandInstancesSubscribeByReceiverOnlyInOneQueueGroup() {
    MessageAddress signUp = MessageAddress.of("user", "1", "signUp");

    assertEquals("purista.command.*.*.*.*.*.*.*.*.user.1.sign_up", topology.commandSubject(signUp));
    assertEquals("PURISTA_QUEUE_USER_1_SIGNUP", topology.queueGroup(signUp));
  }

  @Test
  void aSubscriptionSubjectHasWildcardsWhereTheFilterIsOpen() {
    SubscriptionFilter filter = SubscriptionFilter.builder().eventName("userSignedUp")
        .sentFrom("user", "1", null, null).tenantId("acme").build();

    assertEquals("purista.*.*.acme.*.user.1.*.user_signed_up.*.*.*.*", topology.subscriptionSubject(filter, null));
    assertEquals("purista.custom_message.*.acme.*.user.1.*.user_signed_up.*.*.*.*",
        topology.subscriptionSubject(filter, MessageType.CUSTOM_MESSAGE));
  }

  @Test
  void theStreamCapturesEventsButNeverCommands() {
    List<String> subjects = topology.streamSubjects();

    assertEquals(List.of("purista.custom_message.>", "purista.command_success_response.>"), subjects);
    assertTrue(subjects.stream().noneMatch(s -> s.startsWith("purista.command.")));
  }

  @Test
  void deadLettersAndConsumersAreNamedAfterTheSubscriber() {
    MessageAddress subscriber = MessageAddress.of("email", "1", "sendWelcome");

    assertEquals("purista.dead_letter.email.1.send_welcome", topology.deadLetterSubject(subscriber));
    assertEquals("purista_email_1_sendWelcome_custom_message",
        topology.consumerName(subscriber, MessageType.CUSTOM_MESSAGE, null));
    assertEquals("purista_email_1_sendWelcome_custom_message_i1",
        topology.consumerName(subscriber, MessageType.CUSTOM_MESSAGE, "i1"));
    assertEquals("purista.deliver.purista_email_1_sendWelcome_custom_message",
        topology.deliverSubject("purista_email_1_sendWelcome_custom_message"));
  }

  @Test
  void consumerNamesStayDistinctWhenCharactersMustBeReplaced() {
    String dotted = NatsTopology.brokerName("purista_user.v2_1_x");
    String underscored = NatsTopology.brokerName("purista_user_v2_1_x");

    assertTrue(dotted.matches("[A-Za-z0-9_-]+"), dotted);
    assertNotEquals(dotted, underscored);
    assertTrue(NatsTopology.brokerName("x".repeat(300)).length() <= 200);
  }
}
