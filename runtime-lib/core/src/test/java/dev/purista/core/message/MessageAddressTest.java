package dev.purista.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.purista.core.ClassFileReferences;
import org.junit.jupiter.api.Test;

class MessageAddressTest {
  @Test
  void addressesWithTheSameFieldsAreEqualAndHashAlike() {
    MessageAddress address = new MessageAddress("user", "1", "signUp", "i1");
    MessageAddress same = new MessageAddress("user", "1", "signUp", "i1");

    assertEquals(address, same);
    assertEquals(address.hashCode(), same.hashCode());
    assertEquals(MessageAddress.of("user", "1", "signUp"), address.withoutInstanceId());
    assertEquals(MessageAddress.of("user", "1", "signUp").hashCode(), address.withoutInstanceId().hashCode());
  }

  @Test
  void everyFieldTellsAddressesApart() {
    MessageAddress address = new MessageAddress("user", "1", "signUp", "i1");

    assertNotEquals(address, new MessageAddress("email", "1", "signUp", "i1"));
    assertNotEquals(address, new MessageAddress("user", "2", "signUp", "i1"));
    assertNotEquals(address, new MessageAddress("user", "1", "signIn", "i1"));
    assertNotEquals(address, new MessageAddress("user", "1", "signUp", "i2"));
    assertNotEquals(address, address.withoutInstanceId());
    assertNotEquals(address.withoutInstanceId(), address);
    assertNotEquals(address, null);
    assertNotEquals(address, "user v1 signUp");
  }

  @Test
  void readsAsARecordDoes() {
    assertEquals("MessageAddress[serviceName=user, serviceVersion=1, serviceTarget=signUp, instanceId=null]",
        MessageAddress.of("user", "1", "signUp").toString());
  }

  @Test
  void noMethodIsBootstrappedByObjectMethods() {
    // An address keys the in-memory bridge's command table; the record's generated methods would be bootstrapped
    // while the services start.
    assertFalse(ClassFileReferences.mentions(MessageAddress.class, "java/lang/runtime/ObjectMethods"));
  }
}
