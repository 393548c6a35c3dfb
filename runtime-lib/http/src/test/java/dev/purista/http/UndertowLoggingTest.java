package dev.purista.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.http.fixture.TestServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Undertow's and XNIO's log lines go through SLF4J with no system property set: a fresh JVM (so that no earlier
 * test has already settled JBoss Logging's choice) starts a server and logs through JBoss Logging, with SLF4J's
 * simple binding writing each line as {@code [thread] LEVEL name - message}, which java.util.logging never does.
 */
class UndertowLoggingTest {

  /** Run in the child JVM: starts a server (XNIO logs its version at INFO) and logs one line through JBoss Logging. */
  public static void main(String[] args) {
    try (TestServer server = new TestServer(settings -> { })) {
      org.jboss.logging.Logger.getLogger("io.undertow.probe").info("probe through jboss-logging");
      System.err.println("provider " + org.jboss.logging.Logger.getLogger("x").getClass().getSimpleName()
          + " port " + server.port());
    }
  }

  @Test
  void undertowAndXnioLogThroughSlf4jWithoutAFlag() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=false");
    command.add(UndertowLoggingTest.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM ends");
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("INFO io.undertow.probe - probe through jboss-logging"), output);
    assertTrue(output.lines().anyMatch(line -> line.matches("\\[[^]]+\\] INFO org\\.xnio - XNIO version .*")),
        output);
    assertTrue(output.contains("provider Slf4j"), output);
  }
}
