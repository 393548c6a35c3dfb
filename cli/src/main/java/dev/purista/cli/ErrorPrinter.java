package dev.purista.cli;

import dev.purista.cli.failure.CliFailure;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place errors reach the user: a short {@code error:} line, a hint when there is one, a pointer to
 * the command's help for usage errors, and the stack trace only with {@code -x/--stacktrace}. It also maps
 * failures to the exit-code table, so no error is ever swallowed into exit 0.
 */
final class ErrorPrinter implements IParameterExceptionHandler, IExecutionExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println(seeHelp(command));
    if (wantsStacktrace(command.getParseResult())) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCode.USAGE.code();
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    ExitCode exitCode;
    if (e instanceof CliFailure failure) {
      err.println("error: " + failure.getMessage());
      failure.hint().ifPresent(hint -> err.println("hint: " + hint));
      if (failure.exitCode() == ExitCode.USAGE) {
        err.println(seeHelp(command));
      }
      exitCode = failure.exitCode();
    } else {
      err.println("error: unexpected " + e.getClass().getSimpleName()
          + (e.getMessage() != null ? ": " + e.getMessage() : ""));
      err.println("hint: this is a bug in purista; run the command again with --stacktrace and report the output");
      exitCode = ExitCode.FAILURE;
    }
    if (wantsStacktrace(parseResult)) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode.code();
  }

  private static String seeHelp(CommandLine command) {
    return "see '" + command.getCommandSpec().qualifiedName() + " --help'";
  }

  /** {@code -x} may be given before or after any subcommand, so look at every level of the parse. */
  private static boolean wantsStacktrace(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }
}
