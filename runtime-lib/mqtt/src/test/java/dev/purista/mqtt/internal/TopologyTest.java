package dev.purista.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.SubscriptionFilter;
import dev.purista.core.spi.SubscriptionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PURISTA's 13-segment topics, and filters that match exactly the topics they should. */
class TopologyTest {
  private final Topology topology = new Topology("purista", "sharedpurista", "me");

  private static final MessageAddress CALLER = new MessageAddress("shop", "1", "checkout", "inst1");
  private static final MessageAddress SIGN_UP = MessageAddress.of("user", "1", "signUp");

  @Test
  void theEmptyPartIsTheOriginalsMarkerAsItsSnakeCaseConversionSendsIt() {
    assertEquals(TopicSegments.convert("__none__"), Topology.NONE);
  }

  @Test
  void aCommandTopicHasThirteenSegmentsInPuristasOrder() {
    Message command = Message.builder(MessageType.COMMAND).sender(CALLER).receiver(SIGN_UP).correlationId("c")
        .tenantId("acme").build();

    assertEquals("purista/command/none/acme/inst1/shop/1/checkout/none/none/user/1/sign_up",
        topology.topicOf(command));
  }

  @Test
  void theCommandFilterIsASharedSubscriptionThatMatchesEveryCallOfTheCommand() {
    String filter = topology.commandFilter(SIGN_UP);

    assertEquals("$share/sharedpurista/purista/command/+/+/+/+/+/+/+/+/user/1/sign_up", filter);
    Message command = Message.builder(MessageType.COMMAND).sender(CALLER).receiver(SIGN_UP).correlationId("c")
        .principalId("bob").build();
    assertTrue(matches(filter, topology.topicOf(command)));
    Message otherCommand = Message.builder(MessageType.COMMAND).sender(CALLER)
        .receiver(MessageAddress.of("user", "2", "signUp")).correlationId("c").build();
    assertTrue(!matches(filter, topology.topicOf(otherCommand)), "another version is another command");
  }

  @Test
  void responsesAddressedToThisInstanceMatchItsResponseFilters() {
    Message response = Message.builder(MessageType.COMMAND_SUCCESS_RESPONSE).correlationId("c")
        .sender(SIGN_UP.withInstanceId("server")).receiver(CALLER.withInstanceId("me")).build();
    Message forOther = response.toBuilder().receiver(CALLER.withInstanceId("other")).build();

    assertTrue(topology.responseFilters().stream().anyMatch(f -> matches(f, topology.topicOf(response))));
    assertTrue(topology.responseFilters().stream().noneMatch(f -> matches(f, topology.topicOf(forOther))));
    assertTrue(topology.responseFilters().contains(topology.responseTopic()));
    assertTrue(topology.responseFilters().stream().noneMatch(f -> matches(f, topology.topicOf(
        Message.builder(MessageType.COMMAND).sender(CALLER).receiver(SIGN_UP.withInstanceId("me"))
            .correlationId("c").build()))), "a command is never taken for a response");
  }

  @Test
  void aSuccessEventCopyLeavesOutTheCallersInstance() {
    Message response = Message.builder(MessageType.COMMAND_SUCCESS_RESPONSE).correlationId("c").eventName("signedUp")
        .sender(SIGN_UP.withInstanceId("server")).receiver(CALLER.withInstanceId("me")).build();

    assertEquals("purista/command_success_response/none/none/server/user/1/sign_up/signed_up/none/shop"
        + "/1/checkout", topology.eventTopicOf(response));
  }

  @Test
  void anEventFilterHasWildcardsForOpenPartsAndAGroupOfItsOwnWhenShared() {
    SubscriptionSpec spec = new SubscriptionSpec(MessageAddress.of("mail", "1", "onSignUp"),
        SubscriptionFilter.builder().eventName("signedUp").tenantId("acme").build(), true, true);

    List<String> filters = topology.subscriptionFilters(spec);

    assertEquals(List.of("$share/sharedpurista_mail_1_on_sign_up/purista/+/+/acme/+/+/+/+/signed_up/+/+/+/+"),
        filters);
    Message event = Message.builder(MessageType.CUSTOM_MESSAGE).eventName("signedUp").tenantId("acme")
        .sender(CALLER).build();
    assertTrue(matches(filters.get(0), topology.topicOf(event)));
    assertTrue(!matches(filters.get(0), topology.topicOf(event.toBuilder().tenantId("other").build())));
  }

  @Test
  void aFilterForAnyEventNamesTheTwoMessageTypesThatCarryEventsAndNeverMatchesACommand() {
    SubscriptionSpec spec = new SubscriptionSpec(MessageAddress.of("audit", "1", "all"),
        SubscriptionFilter.builder().sentFrom("shop", null, null, null).build(), false, false);

    List<String> filters = topology.subscriptionFilters(spec);

    assertEquals(List.of("purista/custom_message/+/+/+/shop/+/+/+/+/+/+/+",
        "purista/command_success_response/+/+/+/shop/+/+/+/+/+/+/+"), filters);
    Message command = Message.builder(MessageType.COMMAND).sender(CALLER).receiver(SIGN_UP).correlationId("c")
        .build();
    assertTrue(filters.stream().noneMatch(f -> matches(f, topology.topicOf(command))));
  }

  @Test
  void deadLettersAndSessionIdsAreNamedAfterTheSubscription() {
    MessageAddress subscription = MessageAddress.of("mail", "1", "onSignUp");

    assertEquals("purista/dead_letter/mail/1/on_sign_up", topology.deadLetterTopic(subscription));
    assertEquals("pod-0-mail-v1-onSignUp", Topology.subscriptionClientId("pod-0", subscription));
    assertEquals("pod-0-m_il-v1-on_x", Topology.subscriptionClientId("pod-0",
        MessageAddress.of("m/il", "1", "on x")));
  }

  /** MQTT topic matching: {@code +} one level, {@code #} the rest; a shared filter matches as its topic filter. */
  static boolean matches(String filter, String topic) {
    String plain = filter.startsWith("$share/") ? filter.substring(filter.indexOf('/', 7) + 1) : filter;
    String[] f = plain.split("/", -1);
    String[] t = topic.split("/", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return true;
      }
      if (i >= t.length || (!f[i].equals("+") && !f[i].equals(t[i]))) {
        return false;
      }
    }
    return f.length == t.length;
  }
}
