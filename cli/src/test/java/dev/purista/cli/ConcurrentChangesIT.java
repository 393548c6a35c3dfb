package dev.purista.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.cli.ExternalProcess.Finished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight {@code purista add command} processes started at once in one project, as a script or an IDE and a
 * terminal might: each either adds its command completely (model, wiring, files) or fails with exit code 1,
 * saying that another purista command is working on the project, and writes nothing; none reports a conflict; and
 * the project builds afterwards. Every process is the CLI's jar run by its own JVM, as the launcher runs it.
 */
class ConcurrentChangesIT {
  private static final int PROCESSES = 8;
  private static final Duration COMMAND = Duration.ofMinutes(2);
  private static final Duration BUILD = Duration.ofMinutes(5);
  private static final String SERVICE_DIR = "services/src/main/java/com/example/shop/service/user/v1/";

  @TempDir
  Path dir;

  @Test
  void concurrentAddsEachLandWholeOrFailCleanlyAndTheProjectBuilds() throws Exception {
    Finished created = start(dir, "new", "project", "shop", "--group-id", "com.example", "--no-git", "-B").finish(COMMAND);
    assertEquals(0, created.exitCode(), created.toString());
    Path project = dir.resolve("shop");
    Finished service = start(project, "add", "service", "user", "-B").finish(COMMAND);
    assertEquals(0, service.exitCode(), service.toString());

    List<ExternalProcess.Started> running = new ArrayList<>();
    for (int i = 1; i <= PROCESSES; i++) {
      running.add(start(project, "add", "command", "command" + i, "--service", "user", "--emits",
          "user.command" + i + "Done", "-B"));
    }
    List<Finished> runs = new ArrayList<>();
    for (ExternalProcess.Started started : running) {
      runs.add(started.finish(COMMAND));
    }

    JsonNode model = new ObjectMapper().readTree(project.resolve("purista.json").toFile());
    Set<String> inModel = new HashSet<>();
    for (JsonNode s : model.get("services")) {
      if (s.get("name").asText().equals("user")) {
        s.get("commands").forEach(c -> inModel.add(c.get("name").asText()));
      }
    }
    String wiring = Files.readString(project.resolve(SERVICE_DIR + "UserV1Service.java"));
    String events = Files.readString(project.resolve(SERVICE_DIR + "UserV1Events.java"));
    int succeeded = 0;
    for (int i = 1; i <= PROCESSES; i++) {
      Finished run = runs.get(i - 1);
      String name = "command" + i;
      Path handler = project.resolve(SERVICE_DIR + "command/" + name + "/Command" + i + "Command.java");
      Path test = project.resolve("services/src/test/java/com/example/shop/service/user/v1/command/" + name + "/Command" + i
          + "CommandTest.java");
      if (run.exitCode() == 0) {
        succeeded++;
        assertTrue(inModel.contains(name), name + " is in purista.json\n" + run);
        assertTrue(wiring.contains(".command(COMMAND" + i + ")"), name + " is in the wiring\n" + wiring);
        assertTrue(events.contains("\"user.command" + i + "Done\""), name + "'s event has its constant\n" + events);
        assertTrue(Files.isRegularFile(handler) && Files.isRegularFile(test), name + "'s files are on disk\n" + run);
      } else {
        assertEquals(ExitCode.FAILURE.code(), run.exitCode(), "the documented code for a busy project\n" + run);
        assertTrue(run.output().contains("error: another purista command is working on this project (pid "),
            run.toString());
        assertFalse(run.output().contains("conflict"), run.toString());
        assertFalse(inModel.contains(name), name + " is not in purista.json\n" + run);
        assertFalse(wiring.contains("COMMAND" + i + ")"), name + " is not in the wiring");
        assertFalse(Files.exists(handler.getParent()), name + " wrote no files\n" + run);
        assertFalse(Files.exists(test.getParent()), name + " wrote no test\n" + run);
      }
    }
    assertTrue(succeeded >= 1, "at least the first one got the lock\n" + runs);
    assertEquals(succeeded, inModel.size(), "purista.json holds exactly the commands that were added\n" + inModel);
    System.out.println(succeeded + " of " + PROCESSES + " concurrent adds succeeded; the others found the project busy");

    Finished build = start(project, Map.of("MAVEN_HOME", ExternalProcess.requiredProperty("maven.home")), "build", "--offline",
        "-Dmaven.repo.local=" + ExternalProcess.requiredProperty("maven.repo.local")).finish(BUILD);
    assertEquals(0, build.exitCode(), build.toString());
    assertTrue(build.output().contains("Tests run: " + (succeeded + 1) + ", Failures: 0, Errors: 0, Skipped: 0"),
        "the ping test and one test per added command ran and passed\n" + build);
  }

  private ExternalProcess.Started start(Path workingDirectory, String... args) throws IOException {
    return start(workingDirectory, Map.of(), args);
  }

  private ExternalProcess.Started start(Path workingDirectory, Map<String, String> environment, String... args)
      throws IOException {
    return ExternalProcess.start(dir, workingDirectory, environment, ExternalProcess.cliJar(args));
  }
}
