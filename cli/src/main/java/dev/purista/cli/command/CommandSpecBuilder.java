package dev.purista.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Declares a command's picocli model in code: its name, description, example, options and parameters.
 *
 * <p>Why not picocli's annotations: picocli reads them by reflection when it starts, and the JDK creates a proxy
 * class for every annotation type it hands out. In a CLI that lives a fraction of a second that was more than half
 * of picocli's start-up, about 35 ms of processor time per run (see {@code docs/benchmarks/cli.md}). Built in code,
 * the model costs no reflection at all, and the declarations read about as they did as annotations:
 *
 * <pre>{@code
 * CommandSpec spec = CommandSpecBuilder.command("list", this)
 *     .description("Shows the project's services ...")
 *     .examples("  purista list", "  purista list --json")
 *     .helpOption()
 *     .option(json)
 *     .build();
 * }</pre>
 */
final class CommandSpecBuilder {
  private final CommandSpec spec;

  private CommandSpecBuilder(CommandSpec spec) {
    this.spec = spec;
  }

  /**
   * @param command what picocli runs: a {@code Callable<Integer>} whose result is the exit code, or, for a
   *     group, any object (a group without a subcommand is then a usage error)
   */
  static CommandSpecBuilder command(String name, Object command) {
    return new CommandSpecBuilder(CommandSpec.wrapWithoutInspection(command).name(name));
  }

  /** An option that takes a value, such as {@code --service=SERVICE}. */
  static OptionSpec valueOption(String name, String label, String description) {
    return OptionSpec.builder(name).paramLabel(label).type(String.class).description(description).build();
  }

  /** An option without a value, false until given. */
  static OptionSpec flag(String description, String... names) {
    return OptionSpec.builder(names).type(boolean.class).initialValue(false).description(description).build();
  }

  /** The optional first positional parameter, such as a command's {@code NAME}. */
  static PositionalParamSpec firstParameter(String label, String description) {
    return PositionalParamSpec.builder().index("0").arity("0..1").paramLabel(label).type(String.class)
        .description(description).build();
  }

  static boolean isSet(OptionSpec flag) {
    return Boolean.TRUE.equals(flag.getValue());
  }

  CommandSpecBuilder description(String... lines) {
    spec.usageMessage().description(lines);
    return this;
  }

  /** Every command's help ends with examples, as users look there first. */
  CommandSpecBuilder examples(String... lines) {
    spec.usageMessage().footerHeading("%nExample:%n").footer(lines);
    return this;
  }

  /** {@code -h/--help}. Not picocli's standard pair, whose {@code --version} would clash with {@code add service}'s. */
  CommandSpecBuilder helpOption() {
    return option(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build());
  }

  /** {@code -h/--help} and {@code -V/--version}, worded as picocli's standard pair, for the root. */
  CommandSpecBuilder standardHelpOptions(CommandLine.IVersionProvider version) {
    spec.versionProvider(version);
    option(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.")
        .build());
    return option(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
  }

  CommandSpecBuilder option(OptionSpec option) {
    spec.addOption(option);
    return this;
  }

  /** Adds {@code --service} and {@code --service-version}. */
  CommandSpecBuilder options(ServiceTargetOptions serviceOptions) {
    return serviceOptions.addTo(this);
  }

  CommandSpecBuilder parameter(PositionalParamSpec parameter) {
    spec.addPositional(parameter);
    return this;
  }

  CommandSpec build() {
    return spec;
  }
}
