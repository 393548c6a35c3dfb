package dev.purista.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.cli.CliRun.CliResult;
import dev.purista.cli.TestProjects;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCmdTest {
  @TempDir
  Path dir;

  Path project;

  @BeforeEach
  void createProject() {
    project = TestProjects.newProject(dir, "shop");
    TestProjects.expectSuccess(project, "add", "service", "user", "--description", "Manages users", "-B");
    TestProjects.expectSuccess(project, "add", "service", "email", "-B");
    TestProjects.expectSuccess(project, "add", "command", "signUp", "--service", "user", "--http", "POST:users",
        "--emits", "user.signedUp", "-B");
    TestProjects.expectSuccess(project, "add", "subscription", "sendWelcome", "--service", "email", "--event",
        "user.signedUp", "--emits", "email.sent", "-B");
  }

  @Test
  void printsTheModelAsATree() {
    CliResult result = TestProjects.expectSuccess(project, "list");
    assertEquals(String.join("\n",
        "shop (com.example:shop:0.1.0-SNAPSHOT, package com.example.shop)",
        "+-- service ping v1: Answers pings; a first service to copy from",
        "|   `-- command ping  GET ping (public): Answers pong",
        "+-- service user v1: Manages users",
        "|   `-- command signUp  POST users, emits user.signedUp",
        "`-- service email v1",
        "    `-- subscription sendWelcome  on user.signedUp, emits email.sent",
        "events",
        "+-- email.sent  from email v1 sendWelcome",
        "`-- user.signedUp  from user v1 signUp, to email v1 sendWelcome",
        "targets: monolith (default bridge)",
        ""), result.out());
  }

  @Test
  void printsJsonForTools() throws Exception {
    CliResult result = TestProjects.expectSuccess(project, "list", "--json");
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertEquals("com.example.shop", json.path("project").path("basePackage").asText());
    JsonNode user = json.path("services").get(1);
    assertEquals("com.example.shop.service.user.v1.UserV1Service", user.path("serviceClass").asText());
    assertEquals("com.example.shop.service.user.v1.UserV1Client", user.path("clientClass").asText());
    assertEquals("com.example.shop.service.user.v1.UserV1Events", user.path("eventsClass").asText());
    JsonNode signUp = user.path("commands").get(0);
    assertEquals("POST", signUp.path("http").path("method").asText());
    assertTrue(signUp.path("http").path("public").isMissingNode(), "a route is protected unless declared public");
    assertTrue(json.path("services").get(0).path("commands").get(0).path("http").path("public").asBoolean());
    assertEquals("com.example.shop.service.user.v1.command.signup.SignUpCommand", signUp.path("handlerClass").asText());
    JsonNode event = json.path("events").get(1);
    assertEquals("USER_SIGNED_UP", event.path("constant").asText());
    assertEquals("email v1 sendWelcome", event.path("receivedBy").get(0).asText());
  }
}
