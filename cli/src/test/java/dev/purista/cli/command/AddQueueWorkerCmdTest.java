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

class AddQueueWorkerCmdTest {
  private static final String EMAIL = "services/src/main/java/com/example/shop/service/email/v1/";
  private static final String USER = "services/src/main/java/com/example/shop/service/user/v1/";
  private static final String WORKER = EMAIL + "worker/sendwelcomemail/SendWelcomeMailWorker.java";
  private static final String WORKER_TEST =
      "services/src/test/java/com/example/shop/service/email/v1/worker/sendwelcomemail/SendWelcomeMailWorkerTest.java";

  @TempDir
  Path dir;

  Path project;

  @BeforeEach
  void createProjectWithAQueue() {
    project = TestProjects.newProject(dir, "shop");
    TestProjects.expectSuccess(project, "add", "service", "user", "-B");
    TestProjects.expectSuccess(project, "add", "service", "email", "-B");
    TestProjects.expectSuccess(project, "add", "queue", "welcomeMail", "--service", "email", "-B");
  }

  private String read(String path) throws IOException {
    return Files.readString(project.resolve(path));
  }

  @Test
  void writesTheHandlerAndATestAndRegistersTheWorker() throws IOException {
    CliResult result = CliRun.run(project, "add", "queue-worker", "sendWelcomeMail", "--service", "email",
        "--queue", "welcomeMail", "--description", "Sends the welcome mail", "-B");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().contains("create     " + WORKER + "\n"), result.out());
    assertTrue(result.out().contains("create     " + WORKER_TEST + "\n"), result.out());
    assertTrue(result.out().contains("identical  " + EMAIL + "EmailV1Queues.java\n"), result.out());
    assertFalse(result.out().contains("note:"), result.out());
    assertTrue(read(WORKER).contains(
        "public final class SendWelcomeMailWorker implements QueueJobHandler<WelcomeMailJob> {"), read(WORKER));
    assertTrue(read(WORKER).contains("public void handle(QueueJobContext context, WelcomeMailJob job) {"));
    String wiring = read(EMAIL + "EmailV1Service.java");
    assertTrue(wiring.contains("public static final QueueWorkerDefinition<WelcomeMailJob> SEND_WELCOME_MAIL =\n"
        + "      QueueWorkerDefinition.builder(\"sendWelcomeMail\", EmailV1Queues.WELCOME_MAIL)\n"
        + "          .description(\"Sends the welcome mail\")\n"
        + "          .handler(new SendWelcomeMailWorker())\n"), wiring);
    assertTrue(wiring.contains("      .queue(EmailV1Queues.WELCOME_MAIL)\n      .queueWorker(SEND_WELCOME_MAIL)\n"),
        wiring);
    String test = read(WORKER_TEST);
    assertTrue(test.contains(".queueWorker(EmailV1Service.SEND_WELCOME_MAIL)"), test);
    assertTrue(test.contains("JsonMappers.standard().writeValueAsBytes(new WelcomeMailJob())"), test);
    assertTrue(test.contains("assertEquals(Optional.of(JobState.COMPLETED), awaitOutcome(jobId));"), test);
    assertTrue(read("purista.json").contains("\"queueWorkers\": [\n"
        + "        {\n"
        + "          \"name\": \"sendWelcomeMail\",\n"
        + "          \"description\": \"Sends the welcome mail\",\n"
        + "          \"queue\": \"welcomeMail\"\n"
        + "        }\n"
        + "      ]"), read("purista.json"));
    assertTrue(read("docs/services/email-v1.md").contains(
        "| `welcomeMail` | 10 (default) | email v1 sendWelcomeMail | - |"), read("docs/services/email-v1.md"));
  }

  @Test
  void worksAnotherServicesQueueWithThatServicesJobRecord() throws IOException {
    CliResult result = CliRun.run(project, "add", "queue-worker", "mailUsers", "--service", "user", "--queue",
        "welcomeMail", "-B");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().contains("note: the worker reads the job record of service email v1, which declares "
        + "queue 'welcomeMail'"), result.out());
    assertFalse(result.out().contains("service/email/"), "the queue's service is untouched: " + result.out());
    String handler = read(USER + "worker/mailusers/MailUsersWorker.java");
    assertTrue(handler.contains("import com.example.shop.service.email.v1.queue.welcomemail.WelcomeMailJob;"),
        handler);
    assertTrue(read(USER + "UserV1Service.java").contains(
        "QueueWorkerDefinition.builder(\"mailUsers\", EmailV1Queues.WELCOME_MAIL)"));
  }

  @Test
  void anUnknownQueueIsBadInputAndWritesNothing() {
    ProjectTree before = ProjectTree.of(project);
    CliResult result = CliRun.run(project, "add", "queue-worker", "sendWelcomeMail", "--service", "email",
        "--queue", "welcomeMails", "-B");
    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertEquals("error: unknown queue 'welcomeMails'; its queues are welcomeMail\n"
        + "hint: add it with 'purista add queue welcomeMails --service S', or see 'purista list'\n"
        + "see 'purista add queue-worker --help'\n", result.err());

    CliResult badName = CliRun.run(project, "add", "queue-worker", "sendWelcomeMail", "--service", "email",
        "--queue", "welcome.mail", "-B");
    assertEquals(ExitCode.USAGE.code(), badName.exitCode(), badName.toString());
    assertTrue(badName.err().startsWith("error: queue name 'welcome.mail' must be lowerCamelCase"), badName.err());
    assertEquals(before, ProjectTree.of(project));
  }

  @Test
  void aNameTakenByACommandIsAClash() {
    TestProjects.expectSuccess(project, "add", "command", "sendWelcomeMail", "--service", "email", "-B");
    ProjectTree before = ProjectTree.of(project);
    CliResult result = CliRun.run(project, "add", "queue-worker", "sendwelcomemail", "--service", "email",
        "--queue", "welcomeMail", "-B");
    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("error: service email v1 already has a command, subscription or queue "
        + "worker named 'sendWelcomeMail'"), result.err());
    CliResult constant = CliRun.run(project, "add", "queue-worker", "definition", "--service", "email",
        "--queue", "welcomeMail", "-B");
    assertEquals(ExitCode.USAGE.code(), constant.exitCode(), constant.toString());
    assertTrue(constant.err().contains("would clash with the constant DEFINITION"), constant.err());
    assertEquals(before, ProjectTree.of(project));
  }

  @Test
  void aMissingQueueIsAUsageErrorWithoutATerminalAndAQuestionAtOne() {
    CliResult batch = CliRun.run(project, "add", "queue-worker", "sendWelcomeMail", "--service", "email");
    assertEquals(ExitCode.USAGE.code(), batch.exitCode());
    assertTrue(batch.err().startsWith("error: Missing required option: '--queue=QUEUE'\n"), batch.err());

    CliResult asked = CliRun.atTerminal(project, "welcomeMail\n", "add", "queue-worker", "sendWelcomeMail",
        "--service", "email");
    assertEquals(0, asked.exitCode(), asked.toString());
    assertTrue(asked.out().startsWith("Queue to work (welcomeMail): "), asked.out());
  }

  @Test
  void listShowsQueuesAndWorkers() {
    TestProjects.expectSuccess(project, "add", "queue-worker", "sendWelcomeMail", "--service", "email", "--queue",
        "welcomeMail", "-B");
    CliResult tree = CliRun.run(project, "list");
    assertEquals(0, tree.exitCode(), tree.toString());
    assertTrue(tree.out().contains("    +-- queue welcomeMail\n    `-- queue worker sendWelcomeMail  on queue "
        + "welcomeMail\n"), tree.out());
    CliResult json = CliRun.run(project, "list", "--json");
    assertTrue(json.out().contains("\"jobClass\" : \"com.example.shop.service.email.v1.queue.welcomemail"
        + ".WelcomeMailJob\""), json.out());
    assertTrue(json.out().contains("\"handlerClass\" : \"com.example.shop.service.email.v1.worker.sendwelcomemail"
        + ".SendWelcomeMailWorker\""), json.out());
  }

  @Test
  void aModelWhoseWorkerNamesAMissingQueueIsRefused() throws IOException {
    TestProjects.expectSuccess(project, "add", "queue-worker", "sendWelcomeMail", "--service", "email", "--queue",
        "welcomeMail", "-B");
    Path model = project.resolve("purista.json");
    Files.writeString(model, Files.readString(model).replace("\"queue\": \"welcomeMail\"", "\"queue\": \"gone\""));
    ProjectTree before = ProjectTree.of(project);
    CliResult result = CliRun.run(project, "regenerate");
    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().contains("queue worker 'sendWelcomeMail' works the queue 'gone', which no service "
        + "declares"), result.err());
    assertEquals(before, ProjectTree.of(project));
  }
}
