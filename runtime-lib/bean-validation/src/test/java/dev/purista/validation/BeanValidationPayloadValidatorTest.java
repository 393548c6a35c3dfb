package dev.purista.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaClient;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.StatusCode;
import dev.purista.core.UnhandledError;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.PayloadValidator.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With this module on the classpath, constraints apply without any configuration. */
class BeanValidationPayloadValidatorTest {
  record SignUp(@NotBlank @Email String email, @Min(18) int age) {
  }

  record Options(@NotNull String source, @Valid Referrer referrer) {
    Options(String source) {
      this(source, null);
    }
  }

  record Referrer(@NotBlank String code) {
  }

  record Account(@NotNull String id) {
  }

  private static final MessageAddress SIGN_UP = MessageAddress.of("user", "1", "signUp");
  private final DefaultEventBridge bridge = DefaultEventBridge.configure(o -> o.jsonRoundTrip(true));
  private PuristaClient client;

  @BeforeEach
  void serve() {
    bridge.start();
    ServiceDefinition.builder("user", "1")
        .command(CommandDefinition.builder("signUp", SignUp.class, Options.class, Account.class)
            .handler((ctx, payload, options) -> new Account(payload.email().equals("ghost@x.io") ? null : "a-1"))
            .build())
        .build()
        .getInstance(bridge)
        .start();
    client = PuristaClient.of(bridge, "test");
  }

  @AfterEach
  void stop() {
    bridge.stop();
  }

  @Test
  void validInputPasses() {
    Account account = client.invoke(SIGN_UP, new SignUp("ann@example.com", 30), new Options("web"),
        Account.class);
    assertEquals("a-1", account.id());
  }

  @Test
  void aPayloadThatFailsValidationIsA400NamingEveryField() {
    HandledError error = assertThrows(HandledError.class,
        () -> client.invoke(SIGN_UP, Map.of("email", "not-an-email", "age", 12), new Options("web"),
            Account.class));

    assertEquals(StatusCode.BAD_REQUEST, error.status());
    assertTrue(error.getMessage().contains("payload.email"), error.getMessage());
    assertTrue(error.getMessage().contains("payload.age"), error.getMessage());
    @SuppressWarnings("unchecked")
    List<Map<String, String>> data = (List<Map<String, String>>) error.data();
    assertEquals(List.of("payload.age", "payload.email"), data.stream().map(v -> v.get("path")).toList());
  }

  @Test
  void aMissingParameterFieldIsA400() {
    HandledError error = assertThrows(HandledError.class,
        () -> client.invoke(SIGN_UP, new SignUp("ann@example.com", 30), Map.of(), Account.class));

    assertEquals(StatusCode.BAD_REQUEST, error.status());
    assertEquals("Invalid parameter: parameter.source must not be null", error.getMessage());
  }

  @Test
  void aNestedRecordIsValidatedToo() {
    HandledError error = assertThrows(HandledError.class,
        () -> client.invoke(SIGN_UP, new SignUp("ann@example.com", 30), new Options("web", new Referrer(" ")),
            Account.class));

    assertEquals(StatusCode.BAD_REQUEST, error.status());
    assertEquals("Invalid parameter: parameter.referrer.code must not be blank", error.getMessage());
  }

  @Test
  void aResultThatBreaksItsConstraintsIsAGeneric500() {
    UnhandledError error = assertThrows(UnhandledError.class,
        () -> client.invoke(SIGN_UP, new SignUp("ghost@x.io", 30), new Options("web"), Account.class));

    assertEquals(StatusCode.INTERNAL_SERVER_ERROR, error.status());
    assertEquals(UnhandledError.GENERIC_MESSAGE, error.getMessage());
  }

  @Test
  void theValidatorReportsPropertyPathsAndMessages() {
    List<Violation> violations = new BeanValidationPayloadValidator().validate(new SignUp("", 20));

    assertEquals(List.of("email"), violations.stream().map(Violation::path).distinct().toList());
    assertTrue(new BeanValidationPayloadValidator().validate(null).isEmpty());
  }
}
