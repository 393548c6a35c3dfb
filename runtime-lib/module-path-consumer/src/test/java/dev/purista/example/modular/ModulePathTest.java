package dev.purista.example.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime seen from an application module: its API reads, its implementation does not, and the application
 * runs on the module path. The tests themselves run on the class path; they compile and start modules of their
 * own against the jars Maven resolved for this module.
 */
class ModulePathTest {
  private static final String MAIN_MODULE = "dev.purista.example.modular";

  @TempDir
  Path dir;

  @Test
  void coreInternalIsNotReadableFromAnApplicationModule() throws IOException {
    Compilation compilation = compileModuleUsing("dev.purista.core.internal.RuntimeFactory",
        "RuntimeFactory.class.getName()");

    assertFalse(compilation.succeeded(), compilation.diagnostics());
    assertTrue(compilation.diagnostics().contains(
        "package dev.purista.core.internal is declared in module dev.purista.core, which does not export it"),
        compilation.diagnostics());
  }

  @Test
  void coreApiIsReadableFromTheSameModule() throws IOException {
    Compilation compilation = compileModuleUsing("dev.purista.core.lifecycle.Application",
        "Application.class.getName()");

    assertTrue(compilation.succeeded(), compilation.diagnostics());
  }

  @Test
  void bindsTheApplicationsRecordsOnTheModulePath() throws Exception {
    Run run = runMain("in-memory");

    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("module: " + MAIN_MODULE), run.output());
    assertTrue(run.output().contains("answer: Hello, module path"), run.output());
  }

  @Test
  void callsThroughTheNatsBridgeOnTheModulePath() throws Exception {
    Run run = runMain("nats");

    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("module: " + MAIN_MODULE), run.output());
    assertTrue(run.output().contains("answer: Hello, module path"), run.output());
  }

  private record Compilation(boolean succeeded, String diagnostics) {
  }

  private record Run(int exitCode, String output) {
  }

  /** Compiles module {@code probe}, which requires only purista-core, with a class that uses {@code type}. */
  private Compilation compileModuleUsing(String type, String expression) throws IOException {
    Path sources = dir.resolve("src");
    Path probe = sources.resolve("probe/Probe.java");
    Files.createDirectories(probe.getParent());
    Path emptyClassPath = Files.createDirectories(dir.resolve("no-classes"));
    Files.writeString(sources.resolve("module-info.java"), "module probe {\n  requires dev.purista.core;\n}\n");
    Files.writeString(probe, "package probe;\n\nimport " + type + ";\n\npublic final class Probe {\n"
        + "  public static String name() {\n    return " + expression + ";\n  }\n}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean succeeded = javac.getTask(diagnostics, null, null,
        // An empty class path: javac's default is this JVM's, which would put the runtime in the unnamed module.
        List.of("--release", "17", "--module-path", modulePath(), "--class-path", emptyClassPath.toString(), "-d",
            dir.resolve("out").toString()), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(
            sources.resolve("module-info.java"), probe)).call();
    return new Compilation(succeeded, diagnostics.toString());
  }

  private static Run runMain(String bridge) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", modulePath(), "--module", MAIN_MODULE + "/" + ModularMain.class.getName(), bridge));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the application did not end: " + output);
    return new Run(process.exitValue(), output);
  }

  /** This module's classes and every jar Maven resolved for it, without the tests. */
  private static String modulePath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
