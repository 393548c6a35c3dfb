package dev.purista.core.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubscriptionFilterTest {
  private static Message event(String name, String tenant) {
    return Message.builder(MessageType.CUSTOM_MESSAGE).eventName(name).tenantId(tenant)
        .sender(new MessageAddress("user", "1", "signUp", "i1")).build();
  }

  @Test
  void matchesOnEventNameAndTreatsUnsetFieldsAsWildcards() {
    SubscriptionFilter filter = SubscriptionFilter.forEvent("user.signedUp");

    assertTrue(filter.matches(event("user.signedUp", null)));
    assertTrue(filter.matches(event("user.signedUp", "t1")));
    assertFalse(filter.matches(event("user.deleted", null)));
  }

  @Test
  void senderTenantAndTypeFiltersMustAllMatch() {
    SubscriptionFilter filter = SubscriptionFilter.builder().eventName("user.signedUp")
        .sentFrom("user", "1", null, null).tenantId("t1").build();

    assertTrue(filter.matches(event("user.signedUp", "t1")));
    assertFalse(filter.matches(event("user.signedUp", "t2")));
    assertFalse(filter.toBuilder().sentFrom("billing", null, null, null).build()
        .matches(event("user.signedUp", "t1")));
  }

  @Test
  void withoutEventNameOrTypeOnlyEventsMatch() {
    SubscriptionFilter anyFromUser = SubscriptionFilter.builder().sentFrom("user", null, null, null).build();
    Message command = Message.builder(MessageType.COMMAND).sender(new MessageAddress("user", "1", "x", "i"))
        .build();

    assertTrue(anyFromUser.matches(event("user.signedUp", null)));
    assertFalse(anyFromUser.matches(command));
    assertTrue(anyFromUser.toBuilder().messageType(MessageType.COMMAND).build().matches(command));
  }
}
