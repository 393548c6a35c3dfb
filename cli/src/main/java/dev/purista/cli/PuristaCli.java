package dev.purista.cli;

import dev.purista.cli.command.CliContext;
import dev.purista.cli.command.CommandFactory;
import dev.purista.cli.command.PuristaCmd;
import picocli.CommandLine;

/**
 * The {@code purista} command. {@link #main} is the jar's entry point; {@link #run} runs the same CLI in
 * process against any {@link CliEnvironment}, which is how the tests drive it.
 */
public final class PuristaCli {
  private PuristaCli() {
  }

  public static void main(String[] args) {
    System.exit(run(CliEnvironment.system(), args));
  }

  /** Runs one command line and returns its exit code (see {@link ExitCode}). */
  public static int run(CliEnvironment environment, String... args) {
    CommandLine commandLine = commandLine(environment);
    int exitCode = commandLine.execute(args);
    environment.out().flush();
    environment.err().flush();
    return exitCode;
  }

  static CommandLine commandLine(CliEnvironment environment) {
    CliContext context = new CliContext(environment);
    CommandLine commandLine = new CommandLine(new PuristaCmd(), new CommandFactory(context));
    ErrorPrinter errors = new ErrorPrinter();
    commandLine.setOut(environment.out())
        .setErr(environment.err())
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
    // `purista build` hands everything it does not know to Maven, such as -DskipTests.
    commandLine.getSubcommands().get("build").setUnmatchedOptionsArePositionalParams(true);
    return commandLine;
  }
}
