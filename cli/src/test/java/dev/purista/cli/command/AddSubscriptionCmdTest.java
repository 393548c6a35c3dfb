package dev.purista.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.CliRun;
import dev.purista.cli.CliRun.CliResult;
import dev.purista.cli.ExitCode;
import dev.purista.cli.ProjectTree;
import dev.purista.cli.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddSubscriptionCmdTest {
  private static final String EMAIL = "services/src/main/java/com/example/shop/service/email/v1/";
  private static final String WELCOME = EMAIL + "subscription/sendwelcome/";
  private static final String WELCOME_TEST =
      "services/src/test/java/com/example/shop/service/email/v1/subscription/sendwelcome/SendWelcomeSubscriptionTest.java";
  private static final String SIGN_UP_RESULT =
      "services/src/main/java/com/example/shop/service/user/v1/command/signup/SignUpResult.java";

  @TempDir
  Path dir;

  Path project;

  @BeforeEach
  void createProjectWithTwoServices() {
    project = TestProjects.newProject(dir, "shop");
    TestProjects.expectSuccess(project, "add", "service", "user", "-B");
    TestProjects.expectSuccess(project, "add", "service", "email", "-B");
  }

  private String read(String path) throws IOException {
    return Files.readString(project.resolve(path));
  }

  @Test
  void readsTheResultOfTheCommandThatEmitsTheEvent() throws IOException {
    TestProjects.expectSuccess(project, "add", "command", "signUp", "--service", "user", "--emits", "user.signedUp",
        "-B");
    CliResult result = CliRun.run(project, "add", "subscription", "sendWelcome", "--service", "email", "--event",
        "user.signedUp", "--emits", "email.sent", "-B");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().contains("create     " + WELCOME + "SendWelcomeSubscription.java\n"), result.out());
    assertTrue(result.out().contains("create     " + WELCOME + "SendWelcomeOutput.java\n"), result.out());
    assertFalse(result.out().contains("SendWelcomePayload"), "no own payload record: " + result.out());
    assertFalse(result.out().contains("note:"), result.out());
    assertTrue(read(WELCOME + "SendWelcomeSubscription.java").contains(
        "implements SubscriptionHandler<SignUpResult, SendWelcomeOutput>"));
    String wiring = read(EMAIL + "EmailV1Service.java");
    assertTrue(wiring.contains("SubscriptionDefinition.builder(\"sendWelcome\", SignUpResult.class, "
        + "SendWelcomeOutput.class)\n          .event(EmailV1Events.USER_SIGNED_UP)\n"
        + "          .emits(EmailV1Events.EMAIL_SENT)"), wiring);
    String test = read(WELCOME_TEST);
    assertTrue(test.contains("harness.deliver(new SignUpResult()).assertSuccess();"), test);
    assertTrue(test.contains("assertEquals(List.of(EmailV1Events.EMAIL_SENT), outcome.eventNames());"), test);
    assertTrue(read("purista.json").contains(
        "\"payloadType\": \"com.example.shop.service.user.v1.command.signup.SignUpResult\""));
  }

  @Test
  void getsARecordOfItsOwnForAnEventFromOutsideAndSaysSo() throws IOException {
    CliResult result = CliRun.run(project, "add", "subscription", "sendWelcome", "--service", "email", "--event",
        "crm.contactCreated", "-B");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().contains("note: nothing in this project emits 'crm.contactCreated' yet"), result.out());
    assertTrue(read(WELCOME + "SendWelcomePayload.java").contains("public record SendWelcomePayload() {"));
    assertTrue(read(WELCOME + "SendWelcomeSubscription.java").contains(
        "implements SubscriptionHandler<SendWelcomePayload, Void>"));
    assertTrue(read(WELCOME_TEST).contains("assertEquals(List.of(), outcome.eventNames());"));
    assertFalse(Files.exists(project.resolve(WELCOME + "SendWelcomeOutput.java")));
  }

  @Test
  void bindsAProducerRecordThatHasComponentsFromAMapSoTheTestStillCompiles() throws IOException {
    TestProjects.expectSuccess(project, "add", "command", "signUp", "--service", "user", "--emits", "user.signedUp",
        "-B");
    Files.writeString(project.resolve(SIGN_UP_RESULT), read(SIGN_UP_RESULT)
        .replace("record SignUpResult()", "record SignUpResult(String email)"));
    TestProjects.expectSuccess(project, "add", "subscription", "sendWelcome", "--service", "email", "--event",
        "user.signedUp", "-B");
    assertTrue(read(WELCOME_TEST).contains("harness.deliver(Map.of()).assertSuccess();"), read(WELCOME_TEST));
  }

  @Test
  void reactingToItsOwnOutputIsRefused() {
    ProjectTree before = ProjectTree.of(project);
    CliResult result = CliRun.run(project, "add", "subscription", "echo", "--service", "email", "--event", "a.b",
        "--emits", "a.b", "-B");
    assertEquals(ExitCode.USAGE.code(), result.exitCode());
    assertTrue(result.err().contains("would emit the event it reacts to"), result.err());
    assertEquals(before, ProjectTree.of(project));
  }

  @Test
  void aMissingEventIsAUsageErrorWithoutATerminalAndAQuestionAtOne() {
    CliResult batch = CliRun.run(project, "add", "subscription", "sendWelcome", "--service", "email");
    assertEquals(ExitCode.USAGE.code(), batch.exitCode());
    assertTrue(batch.err().startsWith("error: Missing required option: '--event=EVENT'\n"), batch.err());

    TestProjects.expectSuccess(project, "add", "command", "signUp", "--service", "user", "--emits", "user.signedUp",
        "-B");
    CliResult asked = CliRun.atTerminal(project, "user.signedUp\n", "add", "subscription", "sendWelcome",
        "--service", "email");
    assertEquals(0, asked.exitCode(), asked.toString());
    assertTrue(asked.out().startsWith("Event to react to (user.signedUp): "), asked.out());
  }
}
