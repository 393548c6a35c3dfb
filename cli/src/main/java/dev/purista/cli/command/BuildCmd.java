package dev.purista.cli.command;

import dev.purista.cli.CliEnvironment;
import dev.purista.cli.build.MavenBuild;
import dev.purista.cli.model.ProjectLocator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code purista build}: the project's Maven build; its exit code is Maven's. */
@Command(name = "build",
    description = {
        "Runs the project's Maven build through Maven Invoker and streams Maven's output. The exit code is "
            + "Maven's. Arguments it does not know go to Maven as they are; without a goal it runs 'verify'."},
    footerHeading = "%nExample:%n",
    footer = {"  purista build", "  purista build clean install -DskipTests", "  purista build --offline verify"})
final class BuildCmd implements Callable<Integer> {
  static final String DEFAULT_GOAL = "verify";

  private final CliContext context;

  @Mixin
  HelpOption help;

  @Mixin
  ProjectDirectoryOption project;

  @Option(names = {"-o", "--offline"}, description = "Run Maven offline.")
  boolean offline;

  @Parameters(arity = "0..*", paramLabel = "MAVEN_ARG", description = "Goals and options for Maven.")
  List<String> mavenArguments = new ArrayList<>();

  BuildCmd(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CliEnvironment environment = context.environment();
    Path root = ProjectLocator.findRoot(project.resolve(context));
    List<String> arguments = new ArrayList<>(mavenArguments);
    if (arguments.stream().allMatch(argument -> argument.startsWith("-"))) {
      arguments.add(DEFAULT_GOAL);
    }
    PrintWriter out = environment.out();
    PrintWriter err = environment.err();
    int exitCode = new MavenBuild(System.getenv()).run(root, arguments, offline, line -> {
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
