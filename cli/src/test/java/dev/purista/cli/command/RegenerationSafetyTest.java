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

/** The promise of regeneration: the user's work is never lost, and a hand-edited generated file is never silently replaced. */
class RegenerationSafetyTest {
  private static final String WIRING = "services/src/main/java/com/example/shop/service/user/v1/UserV1Service.java";
  private static final String HANDLER = "services/src/main/java/com/example/shop/service/user/v1/command/signup/SignUpCommand.java";

  @TempDir
  Path dir;

  Path project;

  @BeforeEach
  void createProjectWithACommand() {
    project = TestProjects.newProject(dir, "shop");
    TestProjects.expectSuccess(project, "add", "service", "user", "-B");
    TestProjects.expectSuccess(project, "add", "command", "signUp", "--service", "user", "-B");
  }

  private void edit(String path, String from, String to) throws IOException {
    Path file = project.resolve(path);
    String content = Files.readString(file);
    assertTrue(content.contains(from), from);
    Files.writeString(file, content.replace(from, to));
  }

  @Test
  void regeneratingKeepsTheUsersEditsOfUserOwnedFiles() throws IOException {
    edit(HANDLER, "return new SignUpResult();", "return new SignUpResult(); // my business logic");
    String edited = Files.readString(project.resolve(HANDLER));

    TestProjects.expectSuccess(project, "add", "command", "signIn", "--service", "user", "-B");
    CliResult regenerate = TestProjects.expectSuccess(project, "regenerate");

    assertEquals(edited, Files.readString(project.resolve(HANDLER)));
    assertFalse(regenerate.out().contains("SignUpCommand"), "regenerate does not even look at user-owned files");
  }

  @Test
  void aHandEditedRegeneratedFileIsAConflictThatNamesTheFileAndWritesNothing() throws IOException {
    edit(WIRING, ".command(SIGN_UP)", ".command(SIGN_UP) // my change");
    ProjectTree before = ProjectTree.of(project);

    CliResult result = CliRun.run(project, "add", "command", "signIn", "--service", "user", "-B");

    assertEquals(ExitCode.CONFLICT.code(), result.exitCode(), result.toString());
    assertEquals("error: 1 file conflicts; nothing was written:\n"
        + "  " + WIRING + " (regenerated file changed by hand)\n"
        + "hint: regenerated Java files are rewritten from purista.json on every change; move your change into a "
        + "user-owned file (a handler, its records or its test), then run the command again; or pass --force to "
        + "overwrite it\n", result.err());
    assertFalse(result.err().contains("template"), "Java files are not templated, so no override can help");
    assertEquals(before, ProjectTree.of(project));
  }

  @Test
  void aHandEditedGeneratedDocumentPointsToATemplateOverride() throws IOException {
    edit("docs/services/user-v1.md", "signUp", "signUp (my note)");
    ProjectTree before = ProjectTree.of(project);

    CliResult result = CliRun.run(project, "add", "command", "signIn", "--service", "user", "-B");

    assertEquals(ExitCode.CONFLICT.code(), result.exitCode(), result.toString());
    assertTrue(result.err().contains("  docs/services/user-v1.md (regenerated file changed by hand)\n"), result.err());
    assertTrue(result.err().contains("hint: to change how a generated non-Java file looks, put your version of its "
        + "template in .purista/templates/ instead of editing the file"), result.err());
    assertFalse(result.err().contains("Java files are rewritten"), result.err());
    assertEquals(before, ProjectTree.of(project));
  }

  @Test
  void aDryRunShowsTheConflictAndExitsWithTheConflictCode() throws IOException {
    edit(WIRING, ".command(SIGN_UP)", ".command(SIGN_UP) // my change");
    ProjectTree before = ProjectTree.of(project);
    CliResult result = CliRun.run(project, "regenerate", "--dry-run");
    assertEquals(ExitCode.CONFLICT.code(), result.exitCode());
    assertTrue(result.out().contains("conflict   " + WIRING + "  (regenerated file changed by hand)\n"), result.out());
    assertTrue(result.out().endsWith("Dry run: nothing was written.\n"), result.out());
    assertTrue(result.err().contains("the real run would stop; pass --force to overwrite"), result.err());
    assertEquals(before, ProjectTree.of(project));
  }

  @Test
  void forceWinsAndSaysWhatItReplaced() throws IOException {
    edit(WIRING, ".command(SIGN_UP)", ".command(SIGN_UP) // my change");
    CliResult result = CliRun.run(project, "add", "command", "signIn", "--service", "user", "--force", "-B");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().contains("update     " + WIRING
        + "  (--force: regenerated file changed by hand, overwritten)\n"), result.out());
    String wiring = Files.readString(project.resolve(WIRING));
    assertFalse(wiring.contains("my change"));
    assertTrue(wiring.contains(".command(SIGN_IN)"));

    CliResult again = TestProjects.expectSuccess(project, "regenerate");
    assertFalse(again.out().contains("update     src/"), "the new hashes were recorded:\n" + again.out());
  }

  @Test
  void aUserOwnedFileInTheWayIsAConflictUntilForced() throws IOException {
    Path handler = project.resolve("services/src/main/java/com/example/shop/service/user/v1/command/signin/SignInCommand.java");
    Files.createDirectories(handler.getParent());
    Files.writeString(handler, "// my own sign-in\n");

    CliResult result = CliRun.run(project, "add", "command", "signIn", "--service", "user", "-B");
    assertEquals(ExitCode.CONFLICT.code(), result.exitCode());
    assertTrue(result.err().contains("SignInCommand.java (exists and is yours)"), result.err());
    assertTrue(result.err().contains("hint: move the file away"), result.err());
    assertEquals("// my own sign-in\n", Files.readString(handler));

    TestProjects.expectSuccess(project, "add", "command", "signIn", "--service", "user", "--force", "-B");
    assertTrue(Files.readString(handler).contains("class SignInCommand"));
  }

  @Test
  void aDeletedRegeneratedFileIsRecreated() throws IOException {
    Files.delete(project.resolve(WIRING));
    CliResult result = TestProjects.expectSuccess(project, "regenerate");
    assertTrue(result.out().contains("create     " + WIRING + "\n"), result.out());
    assertTrue(Files.exists(project.resolve(WIRING)));
  }

  @Test
  void aFailureMidwayLeavesTheProjectExactlyAsItWas() throws IOException {
    // A file where the new service's package directory must go: the write fails after earlier files changed.
    Files.writeString(project.resolve("services/src/main/java/com/example/shop/service/email"), "in the way");
    ProjectTree before = ProjectTree.of(project);

    CliResult result = CliRun.run(project, "add", "service", "email", "-B");

    assertEquals(ExitCode.FAILURE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("error: could not write the project: "
        + project.resolve("services/src/main/java/com/example/shop/service/email") + ": something is already there\n"),
        result.err());
    assertTrue(result.err().contains("hint: nothing was changed"), result.err());
    assertEquals(before, ProjectTree.of(project), "MonolithMain and purista.json were restored");
  }
}
