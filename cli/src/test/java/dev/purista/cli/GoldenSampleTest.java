package dev.purista.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.purista.cli.CliRun.CliResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the committed script {@code generated-samples/shop.commands} in process and compares the result, file
 * by file and as a tree, with the committed {@code generated-samples/shop} (its {@code target/} aside). Any
 * change to what the CLI generates shows up here; when it is intended, rewrite the sample with
 * {@code -Dpurista.updateGolden=true} and review the diff.
 */
class GoldenSampleTest {
  private static final String SAMPLE = "shop";

  @TempDir
  Path work;

  @Test
  void theScriptReproducesTheCommittedSample() throws IOException {
    Path samples = samplesDirectory();
    Path generated = runScript(samples.resolve(SAMPLE + ".commands"));
    Path golden = samples.resolve(SAMPLE);
    if (Boolean.getBoolean("purista.updateGolden")) {
      replaceSample(golden, generated);
    }
    assertFalse(Files.exists(golden.resolve(".git")), "a sample must not contain a .git directory");

    Map<String, byte[]> expected = ProjectTree.of(golden, "target").files();
    Map<String, byte[]> actual = ProjectTree.of(generated, "target").files();
    TreeSet<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(actual.keySet());
    TreeSet<String> extra = new TreeSet<>(actual.keySet());
    extra.removeAll(expected.keySet());
    List<String> differing = new ArrayList<>();
    for (String path : expected.keySet()) {
      if (actual.containsKey(path) && !Arrays.equals(expected.get(path), actual.get(path))) {
        differing.add(path + firstDifference(expected.get(path), actual.get(path)));
      }
    }
    if (!missing.isEmpty() || !extra.isEmpty() || !differing.isEmpty()) {
      fail("the CLI no longer writes generated-samples/" + SAMPLE + " (rewrite it with -Dpurista.updateGolden=true "
          + "if the change is intended)\n  not generated any more: " + missing + "\n  newly generated: " + extra
          + "\n  different: " + differing);
    }
    assertEquals(expected.keySet(), actual.keySet());
    assertEquals(executables(golden, expected.keySet()), executables(generated, actual.keySet()),
        "the sample's executable files (their git mode) must be those the CLI writes executable");
  }

  /** The files of {@code paths} under {@code root} that may be run directly. */
  private static Set<String> executables(Path root, Set<String> paths) {
    return paths.stream().filter(path -> Files.isExecutable(root.resolve(path)))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Path runScript(Path script) throws IOException {
    Path project = null;
    for (List<String> arguments : CommandScript.parse(Files.readString(script, StandardCharsets.UTF_8))) {
      Path workingDirectory = project == null ? work : project;
      CliResult result = CliRun.run(workingDirectory, arguments.toArray(String[]::new));
      assertEquals(0, result.exitCode(), () -> "purista " + String.join(" ", arguments) + "\n" + result);
      if (project == null) {
        project = work.resolve(arguments.get(2));
      }
    }
    return project;
  }

  private static String firstDifference(byte[] expected, byte[] actual) {
    String[] expectedLines = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
    String[] actualLines = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < Math.min(expectedLines.length, actualLines.length); i++) {
      if (!expectedLines[i].equals(actualLines[i])) {
        return " (line " + (i + 1) + ": expected \"" + expectedLines[i] + "\" but was \"" + actualLines[i] + "\")";
      }
    }
    return " (" + expectedLines.length + " lines expected, " + actualLines.length + " generated)";
  }

  /** Whether {@code relative} lies in a module's build output, {@code target/} or {@code targets/x/target/}. */
  private static boolean isBuildOutput(Path relative) {
    for (Path segment : relative) {
      if (segment.toString().equals("target")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }

  /** Replaces the sample by the generated tree, keeping the sample's build output. */
  private static void replaceSample(Path golden, Path generated) throws IOException {
    if (Files.exists(golden)) {
      try (Stream<Path> paths = Files.walk(golden)) {
        List<Path> doomed = paths.sorted(Comparator.reverseOrder())
            .filter(p -> !p.equals(golden) && !isBuildOutput(golden.relativize(p)))
            .toList();
        for (Path path : doomed) {
          // A module directory that holds build output stays, with that output.
          if (!Files.isDirectory(path) || isEmpty(path)) {
            Files.delete(path);
          }
        }
      }
    }
    for (Map.Entry<String, byte[]> file : ProjectTree.of(generated, "target").files().entrySet()) {
      Path target = golden.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
      Path source = generated.resolve(file.getKey());
      if (Files.isExecutable(source)) {
        Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
      }
    }
  }

  private static Path samplesDirectory() {
    String configured = System.getProperty("purista.samples");
    Path samples = configured != null ? Path.of(configured) : Path.of("..", "generated-samples");
    if (!Files.isDirectory(samples)) {
      throw new AssertionError("no generated-samples directory at " + samples.toAbsolutePath());
    }
    return samples.toAbsolutePath().normalize();
  }
}
