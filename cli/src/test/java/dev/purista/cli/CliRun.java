package dev.purista.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the CLI in process with captured output, as a user at a terminal or a script would. */
public final class CliRun {
  private CliRun() {
  }

  /** A non-interactive run, as from a script or CI: no terminal, empty stdin. */
  public static CliResult run(Path workingDirectory, String... args) {
    return run(workingDirectory, false, "", args);
  }

  /** A run at a terminal whose user types {@code input}. */
  public static CliResult atTerminal(Path workingDirectory, String input, String... args) {
    return run(workingDirectory, true, input, args);
  }

  private static CliResult run(Path workingDirectory, boolean interactive, String input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment = new CliEnvironment(workingDirectory, new PrintWriter(out, true),
        new PrintWriter(err, true), new BufferedReader(new StringReader(input)), interactive);
    int exitCode = PuristaCli.run(environment, args);
    return new CliResult(exitCode, out.toString(), err.toString());
  }

  /** Exit code and captured streams of one run. */
  public record CliResult(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
