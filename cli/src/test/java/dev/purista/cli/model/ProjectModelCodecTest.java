package dev.purista.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectModelCodecTest {
  private final ProjectModelCodec codec = new ProjectModelCodec();

  static ProjectModel sample() {
    ServiceModel user = ServiceModel.of("user", "1", "Manages users")
        .withCommand(new CommandModel("signUp", "", HttpRoute.of("post", "/users"), "user.signedUp"));
    ServiceModel email = ServiceModel.of("email", "1", "")
        .withSubscription(new SubscriptionModel("sendWelcome", "", "user.signedUp", null,
            "com.example.shop.service.user.v1.command.signup.SignUpResult"));
    return ProjectModel.create("1.2.3", new ProjectInfo("shop", "com.example", "shop", "0.1.0-SNAPSHOT",
            "com.example.shop"), new ProjectOptions(17))
        .withService(user)
        .withService(email)
        .withGeneratedFiles(Map.of("b.java", "22", "a.java", "11"));
  }

  @Test
  void roundTrips() {
    ProjectModel model = sample();
    assertEquals(model, codec.fromJson(codec.toJson(model)));
  }

  @Test
  void writesDeterministicallyWithSortedHashesAndNoCarriageReturns() {
    String json = codec.toJson(sample());
    assertEquals(json, codec.toJson(codec.fromJson(json)));
    assertTrue(json.indexOf("\"a.java\": \"11\"") < json.indexOf("\"b.java\": \"22\""), json);
    assertFalse(json.contains("\r"));
    assertTrue(json.endsWith("}\n"));
    assertTrue(json.contains("\"subscriptions\": []"), json);
    assertFalse(json.contains("\"emits\""), "absent optional fields are left out: " + json);
  }

  @Test
  void keepsAPublicRouteAndRejectsAPublicFlagThatIsNotABoolean() {
    ProjectModel model = sample().withService(ServiceModel.of("ping", "1", "")
        .withCommand(new CommandModel("ping", "", HttpRoute.of("GET", "ping").asPublic(), null)));
    String json = codec.toJson(model);
    assertEquals(1, json.split("\"public\": true", -1).length - 1, "only the public route says so: " + json);
    assertEquals(model, codec.fromJson(json));

    String notABoolean = json.replace("\"public\": true", "\"public\": \"yes\"");
    CorruptModelException e = assertThrows(CorruptModelException.class, () -> codec.fromJson(notABoolean));
    assertTrue(e.getMessage().contains("must be true or false"), e.getMessage());
  }

  @Test
  void keepsQueuesAndWorkersAndLeavesTheirListsOutOfServicesWithoutThem() {
    ServiceModel mail = ServiceModel.of("mail", "1", "")
        .withQueue(new QueueModel("welcomeMail", "", null))
        .withQueue(new QueueModel("bounce", "Bounced mails", 3))
        .withQueueWorker(new QueueWorkerModel("sendWelcomeMail", "", "welcomeMail"));
    ServiceModel crm = ServiceModel.of("crm", "1", "").withQueueWorker(new QueueWorkerModel("track", "", "bounce"));
    ProjectModel model = sample().withService(mail).withService(crm);
    String json = codec.toJson(model);
    assertEquals(model, codec.fromJson(json));
    assertEquals(1, json.split("\"queues\"", -1).length - 1, "only mail has queues: " + json);
    assertEquals(2, json.split("\"queueWorkers\"", -1).length - 1, json);
    assertEquals(1, json.split("\"maxAttempts\"", -1).length - 1, "only when set: " + json);
    assertFalse(codec.toJson(sample()).contains("queue"), "a model without queues reads as before");
  }

  @Test
  void rejectsQueuesThatCollideOrWorkersWithoutTheirQueue() {
    ProjectModel model = sample().withService(ServiceModel.of("mail", "1", "")
        .withQueue(new QueueModel("welcomeMail", "", 5))
        .withQueueWorker(new QueueWorkerModel("sendWelcomeMail", "", "welcomeMail")));
    String json = codec.toJson(model);
    String[][] cases = {
        {json.replace("\"name\": \"email\",", "\"name\": \"email\", \"queues\": [{\"name\": \"welcomemail\", "
            + "\"description\": \"\"}],"), "the project has two queues named 'welcomeMail'"},
        {json.replace("\"queue\": \"welcomeMail\"", "\"queue\": \"other\""), "which no service declares"},
        {json.replace("\"maxAttempts\": 5", "\"maxAttempts\": 0"), "between 1 and 1000"},
        {json.replace("\"maxAttempts\": 5", "\"maxAttempts\": 5, \"backoff\": 2"), "backoff"},
        {json.replace("\"name\": \"welcomeMail\"", "\"name\": \"welcome-mail\""), "lowerCamelCase"},
    };
    for (String[] bad : cases) {
      CorruptModelException e = assertThrows(CorruptModelException.class, () -> codec.fromJson(bad[0]), bad[1]);
      assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
    }
  }

  @Test
  void reportsMalformedJsonWithItsPosition() {
    CorruptModelException e = assertThrows(CorruptModelException.class, () -> codec.fromJson("{\n  \"generatorVersion\": "));
    assertTrue(e.getMessage().startsWith("purista.json is not valid: "), e.getMessage());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertTrue(e.hint().orElseThrow().contains("git checkout -- purista.json"));
  }

  @Test
  void rejectsUnknownFieldsInsteadOfDroppingThemOnTheNextWrite() {
    String json = codec.toJson(sample()).replace("\"generatorVersion\"", "\"colour\": \"blue\",\n  \"generatorVersion\"");
    CorruptModelException e = assertThrows(CorruptModelException.class, () -> codec.fromJson(json));
    assertTrue(e.getMessage().contains("colour"), e.getMessage());
  }

  @Test
  void rejectsMissingFields() {
    String json = codec.toJson(sample()).replace("\"basePackage\": \"com.example.shop\"", "\"basePackage\": null");
    assertTrue(assertThrows(CorruptModelException.class, () -> codec.fromJson(json)).getMessage()
        .contains("project.basePackage"));
  }

  @Test
  void appliesTheNameRulesToHandEditedNames() {
    String json = codec.toJson(sample()).replace("\"name\": \"user\"", "\"name\": \"../etc\"");
    CorruptModelException e = assertThrows(CorruptModelException.class, () -> codec.fromJson(json));
    assertTrue(e.getMessage().contains("looks like a path"), e.getMessage());
  }

  @Test
  void rejectsHashesOfPathsOutsideTheProject() {
    String json = codec.toJson(sample()).replace("\"a.java\"", "\"../a.java\"");
    assertTrue(assertThrows(CorruptModelException.class, () -> codec.fromJson(json)).getMessage()
        .contains("../a.java"));
  }

  @Test
  void rejectsAnEmptyFile() {
    assertThrows(CorruptModelException.class, () -> codec.fromJson(""));
    assertThrows(CorruptModelException.class, () -> codec.fromJson("null"));
  }
}
