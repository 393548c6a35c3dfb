package dev.purista.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.CliRun;
import dev.purista.cli.CliRun.CliResult;
import dev.purista.cli.ExitCode;
import dev.purista.cli.ProjectTree;
import dev.purista.cli.TestProjects;
import dev.purista.cli.generate.VersionCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code purista.json} this CLI cannot use is refused with a message that names the problem, and nothing is written. */
class ModelFileTest {
  @TempDir
  Path dir;

  Path project;
  Path model;

  @BeforeEach
  void createProject() {
    project = TestProjects.newProject(dir, "shop");
    model = project.resolve("purista.json");
  }

  private CliResult addServiceExpectingNothingWritten() {
    ProjectTree before = ProjectTree.of(dir);
    CliResult result = CliRun.run(project, "add", "service", "user", "-B");
    assertEquals(before, ProjectTree.of(dir), "nothing written\n" + result);
    return result;
  }

  @Test
  void aModelWrittenByANewerCliIsNotWrittenAndTheErrorNamesBothVersions() throws IOException {
    String ours = VersionCatalog.bundled().purista();
    Files.writeString(model, Files.readString(model).replace("\"generatorVersion\": \"" + ours + "\"",
        "\"generatorVersion\": \"99.0.0\""));

    CliResult result = addServiceExpectingNothingWritten();

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("error: purista.json was written by purista 99.0.0, which is newer than "
        + "this purista " + ours + "; this version writes nothing to it"), result.err());
    assertTrue(result.err().contains("hint: update purista to 99.0.0 or later"), result.err());
    for (String[] args : new String[][] {{"regenerate"}, {"add", "command", "x", "--service", "ping", "-B"}}) {
      CliResult other = CliRun.run(project, args);
      assertEquals(ExitCode.USAGE.code(), other.exitCode(), other.toString());
    }
    assertEquals(0, CliRun.run(project, "list").exitCode(), "reading it is harmless");
  }

  @Test
  void aModelOfAnOlderCliIsTakenAndEveryRegeneratedFileRewrittenOnce() throws IOException {
    String ours = VersionCatalog.bundled().purista();
    Files.writeString(model, Files.readString(model).replace("\"generatorVersion\": \"" + ours + "\"",
        "\"generatorVersion\": \"0.0.1\""));
    CliResult result = TestProjects.expectSuccess(project, "add", "service", "user", "-B");
    assertTrue(result.out().contains("identical  services/src/main/java/com/example/shop/service/ping/v1/PingV1Service.java"),
        "the untouched service's files were regenerated too, since an older CLI wrote them\n" + result.out());
    assertTrue(Files.readString(model).contains("\"generatorVersion\": \"" + ours + "\""));
  }

  @Test
  void invalidUtf8IsBadInputNamingTheByteAndWhereItIs() throws IOException {
    byte[] text = Files.readAllBytes(model);
    ByteArrayOutputStream broken = new ByteArrayOutputStream();
    int secondLine = indexOf(text, (byte) '\n') + 1;
    broken.write(text, 0, secondLine);
    broken.write(0xC3); // starts a two-byte character...
    broken.write('x');  // ...that never continues
    broken.write(text, secondLine, text.length - secondLine);
    Files.write(model, broken.toByteArray());

    CliResult result = addServiceExpectingNothingWritten();

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("error: purista.json is not valid: it is not valid UTF-8: byte 0xC3 at "
        + "offset " + secondLine + " (line 2)"), result.err());
    assertFalse(result.err().contains("Input length"), result.err());
  }

  @Test
  void utf16IsBadInputThatSaysSo() throws IOException {
    String text = Files.readString(model);
    ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
    utf16.writeBytes(text.getBytes(StandardCharsets.UTF_16)); // Java writes a big-endian byte-order mark first
    Files.write(model, utf16.toByteArray());

    CliResult result = addServiceExpectingNothingWritten();

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
    assertTrue(result.err().startsWith("error: purista.json is not valid: it is UTF-16"), result.err());
  }

  @Test
  void aUtf8ByteOrderMarkIsAcceptedAndLeftOutOnTheNextWrite() throws IOException {
    byte[] text = Files.readAllBytes(model);
    ByteArrayOutputStream withBom = new ByteArrayOutputStream();
    withBom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    withBom.write(text, 0, text.length);
    Files.write(model, withBom.toByteArray());

    TestProjects.expectSuccess(project, "add", "service", "user", "-B");

    byte[] written = Files.readAllBytes(model);
    assertEquals('{', written[0], "no byte-order mark any more");
    assertTrue(new String(written, StandardCharsets.UTF_8).contains("\"name\": \"user\""));
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    throw new AssertionError("no such byte");
  }
}
