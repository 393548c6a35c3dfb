package dev.purista.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.PayloadValidator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command pipeline runs PURISTA's steps in PURISTA's order and turns every failure into the right error. */
class CommandPipelineTest {
  record Payload(String name, int age) {
  }

  record Parameter(String mode) {
  }

  record Result(String text) {
  }

  private static final MessageAddress ADDRESS = MessageAddress.of("pipeline", "1", "run");

  private final DefaultEventBridge bridge = new DefaultEventBridge();
  private Service service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.stop(java.time.Duration.ofSeconds(1));
    }
    bridge.stop();
  }

  private PuristaClient serve(CommandDefinition<Payload, Parameter, Result> command, PayloadValidator validator) {
    bridge.start();
    service = ServiceDefinition.builder("pipeline", "1").command(command).build()
        .getInstance(bridge, ServiceOptions.configure(o -> o.validator(validator)));
    service.start();
    return PuristaClient.of(bridge, "test");
  }

  @Test
  void stepsRunInPuristasOrder() {
    List<String> steps = new CopyOnWriteArrayList<>();
    CommandDefinition<Payload, Parameter, Result> command = CommandDefinition
        .builder("run", Payload.class, Parameter.class, Result.class)
        .transformInput((ctx, payload, parameter) -> {
          steps.add("transformInput");
          return new CommandPayload(Map.of("name", "from-transform", "age", 3), parameter);
        })
        .beforeGuard((ctx, p, q) -> steps.add("beforeGuard1:" + p.name()))
        .beforeGuard((ctx, p, q) -> steps.add("beforeGuard2"))
        .handler((ctx, p, q) -> {
          steps.add("handler");
          return new Result(p.name() + "/" + q.mode());
        })
        .afterGuard((ctx, r, p, q) -> steps.add("afterGuard:" + r.text()))
        .transformOutput((ctx, r, q) -> {
          steps.add("transformOutput");
          return new Result(r.text().toUpperCase(java.util.Locale.ROOT));
        })
        .build();
    PayloadValidator recording = value -> {
      steps.add("validate:" + value.getClass().getSimpleName());
      return List.of();
    };

    Result result = serve(command, recording).invoke(ADDRESS, Map.of("ignored", true), new Parameter("m"),
        Result.class);

    assertEquals("FROM-TRANSFORM/M", result.text());
    assertEquals(List.of("transformInput", "validate:Payload", "validate:Parameter", "beforeGuard1:from-transform",
        "beforeGuard2", "handler", "validate:Result", "afterGuard:from-transform/m", "transformOutput"), steps);
  }

  @Test
  void aGuardThatRefusesStopsThePipelineBeforeTheHandler() {
    List<String> steps = new CopyOnWriteArrayList<>();
    CommandDefinition<Payload, Parameter, Result> command = CommandDefinition
        .builder("run", Payload.class, Parameter.class, Result.class)
        .beforeGuard((ctx, p, q) -> {
          throw new HandledError(StatusCode.FORBIDDEN, "not allowed");
        })
        .handler((ctx, p, q) -> {
          steps.add("handler");
          return new Result("x");
        })
        .build();
    PuristaClient client = serve(command, PayloadValidator.NONE);

    HandledError error = assertThrows(HandledError.class,
        () -> client.invoke(ADDRESS, new Payload("a", 1), new Parameter("m"), Result.class));

    assertEquals(StatusCode.FORBIDDEN, error.status());
    assertTrue(steps.isEmpty(), "handler must not run");
  }

  @Test
  void aResultThatBreaksItsConstraintsIsAGeneric500() {
    CommandDefinition<Payload, Parameter, Result> command = CommandDefinition
        .builder("run", Payload.class, Parameter.class, Result.class)
        .handler((ctx, p, q) -> new Result(null))
        .build();
    PayloadValidator resultNeedsText = value -> value instanceof Result r && r.text() == null
        ? List.of(new PayloadValidator.Violation("text", "must not be null")) : List.of();

    UnhandledError error = assertThrows(UnhandledError.class, () -> serve(command, resultNeedsText)
        .invoke(ADDRESS, new Payload("a", 1), new Parameter("m"), Result.class));

    assertEquals(StatusCode.INTERNAL_SERVER_ERROR, error.status());
    assertEquals(UnhandledError.GENERIC_MESSAGE, error.getMessage());
    assertFalse(error.getMessage().contains("text"));
  }

  @Test
  void withoutAValidatorTypesAreStillCheckedButConstraintsAreNot() {
    CommandDefinition<Payload, Parameter, Result> command = CommandDefinition
        .builder("run", Payload.class, Parameter.class, Result.class)
        .handler((ctx, p, q) -> new Result(String.valueOf(p.name())))
        .build();
    PuristaClient client = serve(command, PayloadValidator.NONE);

    HandledError wrongType = assertThrows(HandledError.class,
        () -> client.invoke(ADDRESS, Map.of("name", "a", "age", "old"), null, Result.class));
    Result missingName = client.invoke(ADDRESS, Map.of("age", 4), null, Result.class);

    assertEquals(StatusCode.BAD_REQUEST, wrongType.status());
    assertTrue(wrongType.getMessage().startsWith("Invalid payload: payload.age"), wrongType.getMessage());
    assertFalse(wrongType.getMessage().contains("dev.purista"), "no class names leak: " + wrongType.getMessage());
    assertEquals("null", missingName.text(), "no validator: a missing field is just null");
  }

  @Test
  void bindingStopsAtTheFirstValueOfTheWrongTypeAndNamesThatOneField() {
    CommandDefinition<Payload, Parameter, Result> command = CommandDefinition
        .builder("run", Payload.class, Parameter.class, Result.class)
        .handler((ctx, p, q) -> new Result(p.name()))
        .build();
    PuristaClient client = serve(command, PayloadValidator.NONE);

    HandledError error = assertThrows(HandledError.class,
        () -> client.invoke(ADDRESS, Map.of("name", Map.of("first", "a"), "age", "old"), null, Result.class));

    assertEquals(StatusCode.BAD_REQUEST, error.status());
    @SuppressWarnings("unchecked")
    java.util.List<Object> violations = (java.util.List<Object>) error.data();
    assertEquals(1, violations.size(), "one field named: " + violations);
  }

  @Test
  void aValidatorsViolationsAreA400ThatNamesEachField() {
    CommandDefinition<Payload, Parameter, Result> command = CommandDefinition
        .builder("run", Payload.class, Parameter.class, Result.class)
        .handler((ctx, p, q) -> new Result("never"))
        .build();
    PayloadValidator ageMustBePositive = value -> value instanceof Payload p && p.age() <= 0
        ? List.of(new PayloadValidator.Violation("age", "must be greater than 0")) : List.of();
    PuristaClient client = serve(command, ageMustBePositive);

    HandledError error = assertThrows(HandledError.class,
        () -> client.invoke(ADDRESS, new Payload("a", 0), new Parameter("m"), Result.class));

    assertEquals(StatusCode.BAD_REQUEST, error.status());
    assertEquals("Invalid payload: payload.age must be greater than 0", error.getMessage());
    assertEquals(List.of(new PayloadValidator.Violation("payload.age", "must be greater than 0")), error.data());
  }

  @Test
  void anUnexpectedExceptionIsLoggedButTheCallerOnlySeesAGeneric500() {
    CommandDefinition<Payload, Parameter, Result> command = CommandDefinition
        .builder("run", Payload.class, Parameter.class, Result.class)
        .handler((ctx, p, q) -> {
          throw new java.sql.SQLException("connection to db-primary:5432 refused");
        })
        .build();
    PuristaClient client = serve(command, PayloadValidator.NONE);

    UnhandledError error = assertThrows(UnhandledError.class,
        () -> client.invoke(ADDRESS, new Payload("a", 1), new Parameter("m"), Result.class));

    assertEquals(UnhandledError.GENERIC_MESSAGE, error.getMessage());
    assertNull(error.data());
    assertNull(error.getCause(), "nothing of the receiver's exception crosses the bridge");
  }
}
