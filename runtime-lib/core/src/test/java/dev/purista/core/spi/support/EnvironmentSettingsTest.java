package dev.purista.core.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EnvironmentSettingsTest {
  private static final String PREFIX = "PURISTA_TEST_";

  @Test
  void textIsTrimmed() {
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, Map.of("PURISTA_TEST_URL", "  amqp://mq:5672 "));
    AtomicReference<String> url = new AtomicReference<>();

    env.text("URL", url::set);

    assertEquals("amqp://mq:5672", url.get());
    assertEquals(Optional.of("amqp://mq:5672"), env.value("URL"));
  }

  @Test
  void wholeNumbers() {
    assertEquals(25, integer("25"));
    assertEquals(-3, integer("-3"), "the setter decides whether negative is allowed");
  }

  @Test
  void booleansInAnyCase() {
    assertTrue(bool("TRUE"));
    assertTrue(bool("true"));
    assertFalse(bool("False"));
  }

  @Test
  void durationsWithAUnitOrInIso8601() {
    assertEquals(Duration.ofMillis(250), duration("250ms"));
    assertEquals(Duration.ofSeconds(30), duration("30s"));
    assertEquals(Duration.ofMinutes(2), duration("2m"));
    assertEquals(Duration.ofHours(2), duration("2h"));
    assertEquals(Duration.ofDays(7), duration("7d"));
    assertEquals(Duration.ofSeconds(30), duration("PT30S"));
    assertEquals(Duration.ofSeconds(30), duration("pt30s"));
    assertEquals(Duration.ofMillis(500), duration("PT0.5S"));
    assertEquals(Duration.ofSeconds(5), duration("5S"), "units in any case");
    assertEquals(Duration.ofSeconds(5), duration(" 5 s "), "spaces around and before the unit");
  }

  @Test
  void unsetOrBlankKeepsTheDefault() {
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, Map.of("PURISTA_TEST_A", "", "PURISTA_TEST_B", "  "));
    Consumer<Object> neverCalled = value -> {
      throw new AssertionError("setter called with " + value);
    };

    env.text("A", neverCalled::accept);
    env.integer("B", neverCalled::accept);
    env.bool("UNSET", neverCalled::accept);
    env.duration("UNSET", neverCalled::accept);
    assertEquals(Optional.empty(), env.value("B"));
  }

  @Test
  void readsThroughAFunctionToo() {
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, name -> name.equals("PURISTA_TEST_PORT") ? "1999" : null);
    AtomicReference<Integer> port = new AtomicReference<>();

    env.integer("PORT", port::set);

    assertEquals(1999, port.get());
    assertEquals("PURISTA_TEST_PORT", env.name("PORT"));
  }

  @Test
  void aValueThatDoesNotParseNamesVariableValueAndForm() {
    assertEquals("PURISTA_TEST_X='many' is invalid: expected a whole number",
        failure("many", env -> env.integer("X", value -> { })));
    assertEquals("PURISTA_TEST_X='99999999999' is invalid: expected a whole number",
        failure("99999999999", env -> env.integer("X", value -> { })));
    assertEquals("PURISTA_TEST_X='yes' is invalid: expected true or false",
        failure("yes", env -> env.bool("X", value -> { })));
    assertEquals("PURISTA_TEST_X='1.5s' is invalid: expected a duration such as 250ms, 30s, 2m or PT30S "
        + "(a whole number with a unit ms, s, m, h or d, or ISO-8601)", durationFailure("1.5s"));
    assertTrue(durationFailure("30 weeks").startsWith("PURISTA_TEST_X='30 weeks' is invalid: expected a duration"));
    assertTrue(durationFailure("PT30").startsWith("PURISTA_TEST_X='PT30' is invalid: expected a duration"));
    assertTrue(durationFailure("9999999999999999999d")
        .startsWith("PURISTA_TEST_X='9999999999999999999d' is invalid: out of range"));
    assertTrue(durationFailure("999999999999999999d")
        .startsWith("PURISTA_TEST_X='999999999999999999d' is invalid: out of range"));
  }

  @Test
  void aBareNumberAsDurationAsksForAUnit() {
    assertEquals("PURISTA_TEST_X='3600' is invalid: a number without a unit is ambiguous; add one, such as 3600ms "
        + "or 3600s (units: ms, s, m, h, d; or ISO-8601 such as PT30S)", durationFailure("3600"));
  }

  @Test
  void aValueTheSetterRefusesNamesVariableValueAndTheSettersReason() {
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, Map.of("PURISTA_TEST_TIMEOUT", "-5s"));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> env.duration("TIMEOUT", value -> {
          if (value.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + value);
          }
        }));

    assertEquals("PURISTA_TEST_TIMEOUT='-5s' is invalid: timeout must not be negative: PT-5S", error.getMessage());
  }

  @Test
  void aUrlPasswordIsMaskedInTheMessage() {
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, Map.of("PURISTA_TEST_URL", "amqp://ann:hunter2@mq/x"));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> env.text("URL", value -> {
      throw new IllegalArgumentException("no such vhost");
    }));

    assertEquals("PURISTA_TEST_URL='amqp://ann:***@mq/x' is invalid: no such vhost", error.getMessage());
    assertEquals("PURISTA_TEST_X='nats://a:***@one, nats://b:***@two' is invalid: expected a whole number",
        failure("nats://a:p@ss@one, nats://b:secret@two", urls -> urls.integer("X", value -> { })));
  }

  @Test
  void aRenamedVariableFailsWhileItsOldNameIsSet() {
    EnvironmentSettings env = new EnvironmentSettings("PURISTA_AMQP_", Map.of(
        "PURISTA_AMQP_COMMAND_TIMEOUT_MS", "1500", "PURISTA_AMQP_COMMAND_TIMEOUT", "2s"))
        .renamed("COMMAND_TIMEOUT_MS", "COMMAND_TIMEOUT");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> env.duration("COMMAND_TIMEOUT", value -> { }));

    assertEquals("PURISTA_AMQP_COMMAND_TIMEOUT_MS was renamed to PURISTA_AMQP_COMMAND_TIMEOUT, a duration such as "
        + "30s", error.getMessage());
  }

  @Test
  void theRenameMessageSaysWhatTheNewVariableTakes() {
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, Map.of("PURISTA_TEST_OLD", "x"))
        .renamed("OLD", "NEW");

    assertEquals("PURISTA_TEST_OLD was renamed to PURISTA_TEST_NEW, a whole number",
        assertThrows(IllegalArgumentException.class, () -> env.integer("NEW", value -> { })).getMessage());
    assertEquals("PURISTA_TEST_OLD was renamed to PURISTA_TEST_NEW, true or false",
        assertThrows(IllegalArgumentException.class, () -> env.bool("NEW", value -> { })).getMessage());
    assertEquals("PURISTA_TEST_OLD was renamed to PURISTA_TEST_NEW",
        assertThrows(IllegalArgumentException.class, () -> env.text("NEW", value -> { })).getMessage());
    assertEquals("PURISTA_TEST_OLD was renamed to PURISTA_TEST_NEW",
        assertThrows(IllegalArgumentException.class, () -> env.value("NEW")).getMessage());
  }

  @Test
  void aRenameWithoutItsOldNameSetChangesNothing() {
    Map<String, String> environment = new HashMap<>();
    environment.put("PURISTA_TEST_NEW", "30s");
    environment.put("PURISTA_TEST_OLD", " ");
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, environment).renamed("OLD", "NEW");
    AtomicReference<Duration> timeout = new AtomicReference<>();

    env.duration("NEW", timeout::set);

    assertEquals(Duration.ofSeconds(30), timeout.get());
  }

  @Test
  void aVariableCannotBeRenamedToItself() {
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, Map.of());

    assertThrows(IllegalArgumentException.class, () -> env.renamed("A", "A"));
  }

  @Test
  void theSetterIsNotCalledWhenTheValueIsBad() {
    AtomicReference<Duration> timeout = new AtomicReference<>();
    EnvironmentSettings env = new EnvironmentSettings(PREFIX, Map.of("PURISTA_TEST_X", "soon"));

    assertThrows(IllegalArgumentException.class, () -> env.duration("X", timeout::set));

    assertNull(timeout.get());
  }

  private static int integer(String value) {
    AtomicReference<Integer> read = new AtomicReference<>();
    x(value).integer("X", read::set);
    return read.get();
  }

  private static boolean bool(String value) {
    AtomicReference<Boolean> read = new AtomicReference<>();
    x(value).bool("X", read::set);
    return read.get();
  }

  private static Duration duration(String value) {
    AtomicReference<Duration> read = new AtomicReference<>();
    x(value).duration("X", read::set);
    return read.get();
  }

  /** The message of the failure of {@code reading} the variable {@code PURISTA_TEST_X} set to {@code value}. */
  private static String failure(String value, Consumer<EnvironmentSettings> reading) {
    return assertThrows(IllegalArgumentException.class, () -> reading.accept(x(value))).getMessage();
  }

  private static String durationFailure(String value) {
    return failure(value, env -> env.duration("X", duration -> { }));
  }

  /** A reader of an environment that holds just {@code PURISTA_TEST_X}. */
  private static EnvironmentSettings x(String value) {
    return new EnvironmentSettings(PREFIX, Map.of("PURISTA_TEST_X", value));
  }

  @Test
  void credentialsComeInOneShapeAndNeverShowThePassword() {
    AtomicReference<Credentials> set = new AtomicReference<>();
    new EnvironmentSettings(PREFIX, Map.of("PURISTA_TEST_USERNAME", "svc", "PURISTA_TEST_PASSWORD", "hunter2"))
        .credentials((username, password) -> set.set(Credentials.of(username, password)));
    IllegalArgumentException passwordAlone = assertThrows(IllegalArgumentException.class,
        () -> new EnvironmentSettings(PREFIX, Map.of("PURISTA_TEST_PASSWORD", "hunter2"))
            .credentials((username, password) -> set.set(Credentials.of(username, password))));
    IllegalArgumentException userAlone = assertThrows(IllegalArgumentException.class,
        () -> new EnvironmentSettings(PREFIX, Map.of("PURISTA_TEST_USERNAME", "svc"))
            .credentials((username, password) -> set.set(Credentials.of(username, password))));

    assertEquals("svc", set.get().username());
    assertEquals("hunter2", set.get().password());
    assertEquals("svc:***", set.get().toString());
    assertEquals("PURISTA_TEST_USERNAME and PURISTA_TEST_PASSWORD go together: a password needs a user name",
        passwordAlone.getMessage());
    assertEquals("PURISTA_TEST_USERNAME and PURISTA_TEST_PASSWORD go together: credentials of user svc need a "
        + "password", userAlone.getMessage());
  }
}
