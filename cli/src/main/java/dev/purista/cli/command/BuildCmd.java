package dev.purista.cli.command;

import dev.purista.cli.CliEnvironment;
import dev.purista.cli.build.MavenBuild;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code purista build}: the project's Maven build; its exit code is Maven's. {@link CommandTree} lets options it
 * does not know through as Maven arguments.
 */
final class BuildCmd implements Callable<Integer> {
  static final String DEFAULT_GOAL = "verify";

  private final CliContext context;
  private final ProjectDirectoryOption project = new ProjectDirectoryOption();
  private final OptionSpec offline = CommandSpecBuilder.flag("Run Maven offline.", "-o", "--offline");
  private final PositionalParamSpec mavenArguments = PositionalParamSpec.builder().index("0..*").arity("0..*")
      .paramLabel("MAVEN_ARG").type(List.class).auxiliaryTypes(String.class)
      .description("Goals and options for Maven.").build();
  private final CommandSpec spec;

  BuildCmd(CliContext context) {
    this.context = context;
    this.spec = CommandSpecBuilder.command("build", this)
        .description(
            "Runs the project's Maven build through Maven Invoker and streams Maven's output. The exit code is "
                + "Maven's. Arguments it does not know go to Maven as they are; without a goal it runs 'verify'.")
        .examples("  purista build", "  purista build clean install -DskipTests", "  purista build --offline verify")
        .helpOption()
        .option(project.option())
        .option(offline)
        .parameter(mavenArguments)
        .build();
    spec.parser().unmatchedOptionsArePositionalParams(true);
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    CliEnvironment environment = context.environment();
    Path root = context.engine().findRoot(project.resolve(context));
    List<String> given = mavenArguments.getValue();
    List<String> arguments = given == null ? new ArrayList<>() : new ArrayList<>(given);
    if (arguments.stream().allMatch(argument -> argument.startsWith("-"))) {
      arguments.add(DEFAULT_GOAL);
    }
    PrintWriter out = environment.out();
    PrintWriter err = environment.err();
    int exitCode = new MavenBuild(System.getenv()).run(root, arguments, CommandSpecBuilder.isSet(offline), line -> {
      out.println(line);
      out.flush();
    }, line -> {
      err.println(line);
      err.flush();
    });
    if (exitCode != 0) {
      err.println("error: the Maven build failed with exit code " + exitCode);
    }
    return exitCode;
  }
}
