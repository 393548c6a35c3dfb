package dev.purista.cli.command;

import dev.purista.cli.CliEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Asks for a missing required value, but only when a person can answer: on a terminal and without
 * {@code -B}. Everywhere else (scripts, CI, pipes) a missing value is a usage error, so nothing ever hangs
 * waiting for input.
 */
final class Prompter {
  private final CliEnvironment environment;
  private final boolean batchMode;
  private final CommandSpec spec;

  Prompter(CliEnvironment environment, boolean batchMode, CommandSpec spec) {
    this.environment = environment;
    this.batchMode = batchMode;
    this.spec = spec;
  }

  /** Whether a person can be asked. */
  boolean canAsk() {
    return environment.interactive() && !batchMode;
  }

  /**
   * {@code value} when given; otherwise the user's answer to {@code question}.
   *
   * @param label how picocli names the value in errors, such as {@code parameter: 'NAME'}
   * @param choices known answers to show, may be empty
   */
  String require(String value, String label, String question, List<String> choices) {
    if (value != null) {
      return value;
    }
    if (!canAsk()) {
      throw new ParameterException(spec.commandLine(), "Missing required " + label);
    }
    String prompt = choices.isEmpty() ? question : question + " (" + String.join(", ", choices) + ")";
    environment.out().print(prompt + ": ");
    environment.out().flush();
    try {
      String answer = environment.in().readLine();
      if (answer == null || answer.isBlank()) {
        throw new ParameterException(spec.commandLine(), "Missing required " + label);
      }
      return answer.strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the answer", e);
    }
  }
}
