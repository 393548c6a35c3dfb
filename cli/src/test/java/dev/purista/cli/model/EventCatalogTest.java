package dev.purista.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

  @Test
  void listsEveryEventSortedWithProducersAndSubscribers() {
    EventCatalog catalog = EventCatalog.of(ProjectModelCodecTest.sample());
    assertEquals(List.of("user.signedUp"), catalog.events().stream().map(EventCatalog.Event::name).toList());
    EventCatalog.Event event = catalog.event("user.signedUp").orElseThrow();
    assertEquals("USER_SIGNED_UP", event.constantName());
    assertEquals(List.of("user v1 signUp"), event.producers().stream().map(EventCatalog.Producer::label).toList());
    assertEquals(List.of("email v1 sendWelcome"), event.subscribers());
  }

  @Test
  void findsEventsThatWouldShareAConstant() {
    EventCatalog catalog = EventCatalog.of(ProjectModelCodecTest.sample());
    assertEquals(Optional.of("user.signedUp"), catalog.constantClash("user.signed-up"));
    assertTrue(catalog.constantClash("user.signedUp").isEmpty(), "the same event is no clash");
    assertTrue(catalog.constantClash("user.left").isEmpty());
  }
}
