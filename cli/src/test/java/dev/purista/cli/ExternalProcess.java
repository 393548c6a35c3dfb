package dev.purista.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process that a black-box test starts: the launcher, the packaged CLI jar, {@code install.sh} or a generated
 * project's jar. Its stdin is empty, so that nothing waits for a prompt, and both output streams go to one log
 * file, so that a failure shows them in the order they were written.
 */
final class ExternalProcess {
  private ExternalProcess() {
  }

  /** A system property Maven passes to the integration tests; a test run another way fails saying so. */
  static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      fail("the system property " + name + " is not set; run this test through Maven (mvn install)");
    }
    return value;
  }

  /** The {@code java} of the JVM running the tests. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java -jar <the packaged CLI jar> args}. */
  static List<String> cliJar(String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", requiredProperty("purista.cliJar")));
    command.addAll(List.of(args));
    return command;
  }

  /** Starts {@code command} in {@code workingDirectory}; its log is a new file in {@code logDirectory}. */
  static Started start(Path logDirectory, Path workingDirectory, Map<String, String> environment,
      List<String> command) throws IOException {
    Path output = Files.createTempFile(logDirectory, "process", ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workingDirectory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    return new Started(String.join(" ", command), process, output);
  }

  /** Starts {@code command} and waits for its end; see {@link Started#finish(Duration)}. */
  static Finished run(Path logDirectory, Path workingDirectory, Map<String, String> environment, Duration limit,
      List<String> command) throws IOException, InterruptedException {
    return start(logDirectory, workingDirectory, environment, command).finish(limit);
  }

  /** A process that is running. */
  record Started(String command, Process process, Path output) {
    /** Waits for the end; a process still running after {@code limit} is killed and fails the test. */
    Finished finish(Duration limit) throws IOException, InterruptedException {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        fail(command + " did not finish within " + limit + "\n" + Files.readString(output, StandardCharsets.UTF_8));
      }
      return new Finished(command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
  }

  /** A process that ended; {@link #toString()} is what a failed assertion shows. */
  record Finished(String command, int exitCode, String output) {
    @Override
    public String toString() {
      return "$ " + command + "\nexit " + exitCode + "\n" + output;
    }
  }
}
