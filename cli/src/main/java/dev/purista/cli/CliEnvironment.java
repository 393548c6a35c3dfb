package dev.purista.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * The world one CLI run sees: its working directory, its streams, and whether a person is at a terminal.
 * Tests pass their own, so the whole CLI runs in process with captured output and scripted input.
 *
 * @param interactive whether stdin and stdout are a terminal; prompts are shown only then
 */
public record CliEnvironment(Path workingDirectory, PrintWriter out, PrintWriter err, BufferedReader in,
    boolean interactive) {

  /** The real process: current directory, standard streams, and whether they are a terminal. */
  public static CliEnvironment system() {
    Charset charset = Charset.defaultCharset();
    return new CliEnvironment(Path.of("").toAbsolutePath(),
        new PrintWriter(System.out, true),
        new PrintWriter(System.err, true),
        new BufferedReader(new InputStreamReader(System.in, charset)),
        isTerminal(System.console()));
  }

  /**
   * Up to Java 21 a console exists only on a terminal. From Java 22 on there is always one, and only its
   * {@code isTerminal()} tells; without that check a script piping into the CLI would be prompted and hang. The
   * method is looked up by name because this code compiles for Java 17.
   */
  static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
