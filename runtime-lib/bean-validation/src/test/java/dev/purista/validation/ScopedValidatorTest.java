package dev.purista.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.SubscriptionDefinition;
import dev.purista.core.spi.PayloadValidator;
import dev.purista.core.spi.PayloadValidator.Violation;
import jakarta.validation.GroupSequence;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A validator made for some services validates exactly what the general validator validates: the declared types
 * and what they reach with its predefined scope, anything else (a type never declared, a subclass or an
 * implementation behind a cascaded field) with the general validator. Real Hibernate Validator, real records.
 */
class ScopedValidatorTest {
  record Address(@NotBlank String street, @Pattern(regexp = "[0-9]{5}") String zip) {
  }

  record Line(@NotBlank String sku, @Min(1) int quantity) {
  }

  /** Reached through a sealed interface: its permitted records are in the scope. */
  sealed interface Payment permits Card, Invoice {
  }

  record Card(@Size(min = 16, max = 16) String number) implements Payment {
  }

  record Invoice(@Email String email) implements Payment {
  }

  /** Not sealed: an implementation is known only from the value. */
  interface Note {
  }

  record Gift(@NotBlank String message) implements Note {
  }

  record Order(@NotNull @Valid Address address, List<@Valid Line> lines, Map<String, @Valid Line> extras,
      Optional<@Valid Address> billing, @Valid Payment payment, @Valid Note note) {
  }

  record Receipt(@NotBlank String id) {
  }

  record Event(@Min(0) long sequence) {
  }

  interface Other {
  }

  /**
   * A default group sequence without the class itself, which Hibernate Validator refuses when it reads the class,
   * in a class no value cascades into.
   */
  @GroupSequence(Other.class)
  record Misdeclared(@NotBlank String text) {
  }

  record Holder(@NotBlank String name, Misdeclared misdeclared) {
  }

  /** Declared by no service. */
  record Stranger(@NotBlank String name, @Valid Address address) {
  }

  private static final ServiceDefinition SHOP = ServiceDefinition.builder("shop", "1")
      .command(CommandDefinition.builder("order", Order.class, Void.class, Receipt.class)
          .handler((ctx, order, none) -> new Receipt("r-1"))
          .build())
      .subscription(SubscriptionDefinition.builder("audit", Event.class, Void.class)
          .event("orderPlaced")
          .handler((ctx, event) -> null)
          .build())
      .build();

  private final Validator general = ValidatorFactories.general();
  private final AtomicInteger generalUses = new AtomicInteger();
  private final Supplier<Validator> countedGeneral = () -> {
    generalUses.incrementAndGet();
    return general;
  };

  private static Order order(Address address, List<Line> lines, Payment payment, Note note) {
    return new Order(address, lines, Map.of("wrap", new Line("", 1)), Optional.of(new Address("", "1")), payment,
        note);
  }

  private static Set<String> paths(List<Violation> violations) {
    return violations.stream().map(v -> v.path() + " " + v.message()).collect(Collectors.toSet());
  }

  private Set<String> generally(Object value) {
    return paths(Violations.of(general.validate(value)));
  }

  private ScopedValidator scopedForShop() {
    return new ScopedValidator(ReachableTypes.from(DeclaredTypes.of(List.of(SHOP))), countedGeneral);
  }

  @Test
  void declaredTypesAndWhatTheyReachAreValidatedInTheScopeAsTheGeneralValidatorDoes() {
    ScopedValidator scoped = scopedForShop();
    Order invalid = order(new Address(" ", "abc"), List.of(new Line("a", 0)), new Card("123"), null);
    Order valid = new Order(new Address("Main St 1", "12345"), List.of(new Line("a", 2)), Map.of(),
        Optional.empty(), new Invoice("ann@example.com"), null);

    Set<String> found = paths(scoped.validate(invalid));

    assertEquals(generally(invalid), found);
    assertTrue(found.contains("address.zip must match \"[0-9]{5}\""), found.toString());
    assertTrue(found.contains("lines[0].quantity must be greater than or equal to 1"), found.toString());
    assertTrue(found.contains("extras[wrap].sku must not be blank"), found.toString());
    assertTrue(found.contains("billing.street must not be blank"), found.toString());
    assertTrue(found.contains("payment.number size must be between 16 and 16"), found.toString());
    assertEquals(Set.of(), paths(scoped.validate(valid)));
    assertEquals(generally(new Receipt(" ")), paths(scoped.validate(new Receipt(" "))));
    assertEquals(Set.of("sequence must be greater than or equal to 0"), paths(scoped.validate(new Event(-1))));
    assertEquals(0, generalUses.get(), "the general validator was not needed");
  }

  @Test
  void aCascadedValueOfAClassOutsideTheScopeIsValidatedByTheGeneralValidator() {
    ScopedValidator scoped = scopedForShop();
    Order withGift = order(new Address("Main St 1", "12345"), List.of(), new Invoice("not-an-email"),
        new Gift(" "));

    Set<String> found = paths(scoped.validate(withGift));

    assertEquals(generally(withGift), found);
    assertTrue(found.contains("note.message must not be blank"), found.toString());
    assertTrue(found.contains("payment.email must be a well-formed email address"), found.toString());
    assertEquals(1, generalUses.get());
    // Orders go to the general validator from then on: which classes an order holds shows only while validating.
    assertEquals(generally(withGift), paths(scoped.validate(withGift)));
    assertEquals(2, generalUses.get());
  }

  @Test
  void aValueOfATypeNoServiceDeclaresIsValidatedByTheGeneralValidator() {
    ScopedValidator scoped = scopedForShop();
    Stranger stranger = new Stranger("", new Address("x", "no"));

    assertEquals(Set.of("name must not be blank", "address.zip must match \"[0-9]{5}\""),
        paths(scoped.validate(stranger)));
    assertEquals(Set.of(), paths(scoped.validate(Map.of("any", "map"))));
    assertEquals(List.of(), scoped.validate(null));
    assertTrue(generalUses.get() > 0);
  }

  @Test
  void typesWhoseConstraintsCannotBeReadUpFrontLeaveTheServiceWithTheGeneralValidator() {
    PayloadValidator discovered = new BeanValidationPayloadValidator(countedGeneral);
    ServiceDefinition holders = ServiceDefinition.builder("holders", "1")
        .command(CommandDefinition.builder("hold", Holder.class, Void.class, Void.class)
            .handler((ctx, holder, none) -> null)
            .build())
        .build();

    PayloadValidator forHolders = discovered.forServices(List.of(holders));

    assertSame(discovered, forHolders);
    assertEquals(1, generalUses.get(), "built at once, as it will validate every value of these services");
    Holder holder = new Holder(" ", new Misdeclared(""));
    assertEquals(generally(holder), paths(forHolders.validate(holder)));
    assertEquals(Set.of("name must not be blank"), paths(forHolders.validate(holder)));
  }

  @Test
  void theDiscoveredValidatorMakesAScopedOneForServicesButNotWhenItWasGivenAValidator() {
    PayloadValidator discovered = new BeanValidationPayloadValidator(countedGeneral);
    PayloadValidator given = new BeanValidationPayloadValidator(general);
    PayloadValidator noTypes = discovered.forServices(List.of(ServiceDefinition.builder("empty", "1").build()));

    PayloadValidator forShop = discovered.forServices(List.of(SHOP));

    assertTrue(forShop instanceof ScopedValidator);
    assertSame(given, given.forServices(List.of(SHOP)));
    assertSame(discovered, noTypes);
    assertEquals(Set.of("id must not be blank"), paths(forShop.validate(new Receipt(""))));
    assertEquals(0, generalUses.get(), "records only: no general validator built");
  }

  @Test
  void aServiceThatDeclaresATypeOutsideTheScopeHasTheGeneralValidatorBuiltAtOnce() {
    PayloadValidator discovered = new BeanValidationPayloadValidator(countedGeneral);
    ServiceDefinition notes = ServiceDefinition.builder("notes", "1")
        .command(CommandDefinition.builder("add", String.class, Map.class, Receipt.class)
            .handler((ctx, text, options) -> new Receipt("n-1"))
            .build())
        .build();

    PayloadValidator forNotes = discovered.forServices(List.of(notes));

    assertEquals(1, generalUses.get(), "built while the service is made, not at its first call");
    assertEquals(List.of(), forNotes.validate("text"));
    assertEquals(Set.of("id must not be blank"), paths(forNotes.validate(new Receipt(" "))));
  }
}
