package dev.purista.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
  private static final long COMMAND_MINUTES = 2;
  private static final long BUILD_MINUTES = 5;
  private static final String SERVICE_DIR = "src/main/java/com/example/shop/service/user/v1/";

  @TempDir
  Path dir;

  @Test
  void concurrentAddsEachLandWholeOrFailCleanlyAndTheProjectBuilds() throws Exception {
    Run created = start(dir, "new", "project", "shop", "--group-id", "com.example", "--no-git", "-B").finish();
    assertEquals(0, created.exitCode(), created.toString());
    Path project = dir.resolve("shop");
    Run service = start(project, "add", "service", "user", "-B").finish();
    assertEquals(0, service.exitCode(), service.toString());

    List<Started> running = new ArrayList<>();
    for (int i = 1; i <= PROCESSES; i++) {
      running.add(start(project, "add", "command", "command" + i, "--service", "user", "--emits",
          "user.command" + i + "Done", "-B"));
    }
    List<Run> runs = new ArrayList<>();
    for (Started started : running) {
      runs.add(started.finish());
    }

    JsonNode model = new ObjectMapper().readTree(project.resolve("purista.json").toFile());
    Set<String> inModel = new HashSet<>();
    for (JsonNode s : model.get("services")) {
      if (s.get("name").asText().equals("user")) {
        s.get("commands").forEach(c -> inModel.add(c.get("name").asText()));
      }
    }
    String wiring = Files.readString(project.resolve(SERVICE_DIR + "UserV1Service.java"));
    String events = Files.readString(project.resolve("src/main/java/com/example/shop/service/ServiceEvents.java"));
    int succeeded = 0;
    for (int i = 1; i <= PROCESSES; i++) {
      Run run = runs.get(i - 1);
      String name = "command" + i;
      Path handler = project.resolve(SERVICE_DIR + "command/" + name + "/Command" + i + "Command.java");
      Path test = project.resolve("src/test/java/com/example/shop/service/user/v1/command/" + name + "/Command" + i
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

    Run build = start(project, Map.of("MAVEN_HOME", requiredProperty("maven.home")), "build", "--offline",
        "-Dmaven.repo.local=" + requiredProperty("maven.repo.local")).finish(BUILD_MINUTES);
    assertEquals(0, build.exitCode(), build.toString());
    assertTrue(build.output().contains("Tests run: " + (succeeded + 1) + ", Failures: 0, Errors: 0, Skipped: 0"),
        "the ping test and one test per added command ran and passed\n" + build);
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      fail("the system property " + name + " is not set; run this test through Maven (mvn install)");
    }
    return value;
  }

  private Started start(Path workingDirectory, String... args) throws IOException {
    return start(workingDirectory, Map.of(), args);
  }

  /** Starts {@code java -jar <the CLI jar> args} with an empty stdin and both output streams in one file. */
  private Started start(Path workingDirectory, Map<String, String> environment, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", requiredProperty("purista.cliJar")));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(dir, "process", ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workingDirectory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    return new Started(String.join(" ", args), process, output);
  }

  private record Started(String command, Process process, Path output) {
    Run finish() throws IOException, InterruptedException {
      return finish(COMMAND_MINUTES);
    }

    Run finish(long minutes) throws IOException, InterruptedException {
      if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
        fail("purista " + command + " did not finish within " + minutes + " min\n"
            + Files.readString(output, StandardCharsets.UTF_8));
      }
      return new Run(command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
  }

  private record Run(String command, int exitCode, String output) {
    @Override
    public String toString() {
      return "$ purista " + command + "\nexit " + exitCode + "\n" + output;
    }
  }
}
