package dev.purista.cli;

import dev.purista.cli.command.CliContext;
import dev.purista.cli.command.CommandTree;
import java.util.List;
import picocli.CommandLine;

/**
 * The {@code purista} command. {@link #main} is the jar's entry point; {@link #run} runs the same CLI in
 * process against any {@link CliEnvironment}, which is how the tests drive it.
 */
public final class PuristaCli {
  private PuristaCli() {
  }

  public static void main(String[] args) {
    // picocli otherwise probes the class path for Groovy on every start, to support closures in annotations,
    // which this CLI does not use.
    System.setProperty("picocli.disable.closures", "true");
    System.exit(run(CliEnvironment.system(), args));
  }

  /** Runs one command line and returns its exit code (see {@link ExitCode}). */
  public static int run(CliEnvironment environment, String... args) {
    CommandLine commandLine = configure(CommandTree.forArguments(new CliContext(environment, List.of(args)), args), environment);
    int exitCode = commandLine.execute(args);
    environment.out().flush();
    environment.err().flush();
    return exitCode;
  }

  /** The whole command tree, configured as for a run. */
  static CommandLine commandLine(CliEnvironment environment) {
    return configure(CommandTree.whole(new CliContext(environment)), environment);
  }

  private static CommandLine configure(CommandLine commandLine, CliEnvironment environment) {
    ErrorPrinter errors = new ErrorPrinter();
    commandLine.setOut(environment.out())
        .setErr(environment.err())
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
    return commandLine;
  }
}
