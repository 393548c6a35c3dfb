package dev.purista.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.ProjectTree;
import dev.purista.cli.generate.VersionCatalog;
import dev.purista.cli.plan.Action;
import dev.purista.cli.plan.ConflictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertEquals("src/main/java/com/example/shop/service/user/v1/command/signup/SignUpCommand.java",
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
    Path events = project.resolve("src/main/java/com/example/shop/service/ServiceEvents.java");
    Files.writeString(events, Files.readString(events) + "// edited\n");
    ConflictException e = assertThrows(ConflictException.class,
        () -> engine.addCommand(project, new AddCommandRequest("signUp", "ping", null, null, null, "user.signedUp"),
            WriteMode.WRITE));
    assertEquals("src/main/java/com/example/shop/service/ServiceEvents.java", e.conflicts().get(0).path());
  }
}
