package dev.purista.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.ExitCode;
import dev.purista.cli.ProjectTree;
import dev.purista.cli.failure.OperationFailedException;
import dev.purista.cli.generate.VersionCatalog;
import dev.purista.cli.plan.Action;
import dev.purista.cli.plan.ConflictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine is usable from code, without the command line, with the same guarantees. */
class ProjectEngineTest {
  @TempDir
  Path dir;

  private final ProjectEngine engine = new ProjectEngine(VersionCatalog.bundled());

  @Test
  void createsAndGrowsAProjectFromCode() {
    ChangeResult created = engine.newProject(new NewProjectRequest("shop", null, null, null, false), dir,
        WriteMode.WRITE);
    Path project = created.projectRoot();
    assertTrue(created.written());
    assertEquals(dir.resolve("shop").toAbsolutePath(), project);

    engine.addService(project, new AddServiceRequest("user", null, "Users"), WriteMode.WRITE);
    ChangeResult command = engine.addCommand(project,
        new AddCommandRequest("signUp", "user", null, null, "POST:users", "user.signedUp"), WriteMode.WRITE);
    assertEquals("services/src/main/java/com/example/shop/service/user/v1/command/signup/SignUpCommand.java",
        command.mainFile());
    assertEquals(2, engine.open(project).model().services().size());
    assertEquals("user.signedUp",
        engine.open(project).model().service("user", "1").orElseThrow().commands().get(0).successEvent());
  }

  @Test
  void aDryRunReturnsThePlanAndLeavesTheDiskAlone() {
    Path project = engine.newProject(new NewProjectRequest("shop", null, null, null, false), dir, WriteMode.WRITE)
        .projectRoot();
    ProjectTree before = ProjectTree.of(project);
    ChangeResult result = engine.addService(project, new AddServiceRequest("user", null, null),
        new WriteMode(true, false));
    assertFalse(result.written());
    assertTrue(result.plan().entries().stream().anyMatch(e -> e.action() == Action.CREATE
        && e.path().endsWith("UserV1Service.java")));
    assertEquals(before, ProjectTree.of(project));
  }

  @Test
  void conflictsAreExceptionsWithTheConflictingFiles() throws IOException {
    Path project = engine.newProject(new NewProjectRequest("shop", null, null, null, false), dir, WriteMode.WRITE)
        .projectRoot();
    Path events = project.resolve("services/src/main/java/com/example/shop/service/ping/v1/PingV1Events.java");
    Files.writeString(events, Files.readString(events) + "// edited\n");
    ConflictException e = assertThrows(ConflictException.class,
        () -> engine.addCommand(project, new AddCommandRequest("signUp", "ping", null, null, null, "user.signedUp"),
            WriteMode.WRITE));
    assertEquals("services/src/main/java/com/example/shop/service/ping/v1/PingV1Events.java", e.conflicts().get(0).path());
  }

  /** A project from before the constants moved into each service keeps its project-wide class as it is. */
  @Test
  void anOldProjectWideConstantsClassIsLeftAlone() throws IOException {
    Path project = engine.newProject(new NewProjectRequest("shop", null, null, null, false), dir, WriteMode.WRITE)
        .projectRoot();
    Path old = project.resolve("services/src/main/java/com/example/shop/service/ServiceEvents.java");
    String text = "package com.example.shop.service;\n\npublic final class ServiceEvents {\n"
        + "  public static final String USER_SIGNED_UP = \"user.signedUp\";\n}\n";
    Files.writeString(old, text);
    engine.addCommand(project, new AddCommandRequest("signUp", "ping", null, null, null, "user.signedUp"),
        WriteMode.WRITE);
    engine.regenerate(project, WriteMode.WRITE);
    assertEquals(text, Files.readString(old));
    assertTrue(Files.readString(project.resolve("services/src/main/java/com/example/shop/service/ping/v1/PingV1Events.java"))
        .contains("public static final String USER_SIGNED_UP = \"user.signedUp\";"));
  }

  @Test
  void aChangeWaitsForTheProjectLockThenFailsNamingTheHolderAndWritesNothing() {
    Path project = engine.newProject(new NewProjectRequest("shop", null, null, null, false), dir, WriteMode.WRITE)
        .projectRoot();
    try (OpenProject held = engine.openForChange(project, "purista add command first --service ping")) {
      ProjectTree before = ProjectTree.of(project);
      long start = System.nanoTime();
      ProjectBusyException e = assertThrows(ProjectBusyException.class,
          () -> engine.addService(project, new AddServiceRequest("user", null, null), WriteMode.WRITE));
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;

      assertEquals(ExitCode.FAILURE, e.exitCode());
      assertTrue(e.getMessage().startsWith("another purista command is working on this project (pid "
          + ProcessHandle.current().pid() + ": purista add command first --service ping); waited 5 s"),
          e.getMessage());
      assertTrue(waitedMillis >= ProjectLock.WAIT.toMillis(), "gave up after " + waitedMillis + " ms");
      assertEquals(before, ProjectTree.of(project));
      assertEquals(1, held.model().services().size());
    }
    engine.addService(project, new AddServiceRequest("user", null, null), WriteMode.WRITE);
    assertEquals(2, engine.open(project).model().services().size(), "the lock is released on close");
  }

  @Test
  void aModelWrittenByAnotherProgramWhileTheChangeRanStopsTheChangeAndIsKept() throws IOException {
    Path project = engine.newProject(new NewProjectRequest("shop", null, null, null, false), dir, WriteMode.WRITE)
        .projectRoot();
    Path model = project.resolve("purista.json");
    try (OpenProject open = engine.openForChange(project, "test")) {
      // A program that does not take the lock (an editor, an older CLI) saves the model meanwhile.
      String edited = Files.readString(model).replace("\"description\": \"Answers pong\"",
          "\"description\": \"Answers pong, edited\"");
      Files.writeString(model, edited);
      ProjectTree before = ProjectTree.of(project);

      OperationFailedException e = assertThrows(OperationFailedException.class,
          () -> engine.addService(open, new AddServiceRequest("user", null, null), WriteMode.WRITE));

      assertEquals("could not write the project: purista.json changed after this command read it: another program "
          + "wrote it meanwhile", e.getMessage());
      assertEquals(before, ProjectTree.of(project), "nothing written, the other program's model kept");
      assertTrue(Files.readString(model).contains("Answers pong, edited"));
    }
  }

  @Test
  void anAddRendersTheFilesOfTheServiceItChangesAndNoOtherServicesFiles() {
    Path project = engine.newProject(new NewProjectRequest("shop", null, null, null, false), dir, WriteMode.WRITE)
        .projectRoot();
    engine.addService(project, new AddServiceRequest("user", null, null), WriteMode.WRITE);
    ChangeResult result = engine.addCommand(project,
        new AddCommandRequest("signUp", "user", null, null, null, null), WriteMode.WRITE);
    List<String> planned = result.plan().entries().stream().map(e -> e.path()).toList();
    assertTrue(planned.contains("services/src/main/java/com/example/shop/service/user/v1/UserV1Service.java"), planned.toString());
    assertFalse(planned.stream().anyMatch(p -> p.contains("/service/ping/")), planned.toString());
  }
}
