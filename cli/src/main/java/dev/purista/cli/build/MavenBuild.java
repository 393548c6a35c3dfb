package dev.purista.cli.build;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.failure.OperationFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.Invoker;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * Runs a project's Maven build through Maven Invoker, in batch mode, streaming Maven's output line by line.
 * The project's own wrapper ({@code mvnw}) wins over an installed Maven, as it pins the Maven version.
 */
public final class MavenBuild {
  private static final Pattern ANSI_CODE = Pattern.compile("\u001B\\[[;\\d]*m");

  private final Map<String, String> environment;

  public MavenBuild(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Maven resets the terminal colour even when told to use none; in streamed lines that is noise. */
  static String withoutAnsiCodes(String line) {
    return ANSI_CODE.matcher(line).replaceAll("");
  }

  /**
   * @param arguments goals and options for Maven, such as {@code clean verify -DskipTests}
   * @return Maven's exit code
   */
  public int run(Path projectRoot, List<String> arguments, boolean offline, Consumer<String> out,
      Consumer<String> err) {
    Path pom = projectRoot.resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      throw new BadInputException("there is no pom.xml in " + projectRoot, "run 'purista build' inside a project");
    }
    InvocationRequest request = new DefaultInvocationRequest()
        .setPomFile(pom.toFile())
        .setBaseDirectory(projectRoot.toFile())
        .setBatchMode(true)
        .setOffline(offline)
        .setOutputHandler(line -> out.accept(withoutAnsiCodes(line)))
        .setErrorHandler(line -> err.accept(withoutAnsiCodes(line)))
        // Maven writes into a pipe here, not a terminal: colour codes would only be noise in the streamed lines.
        .addArg("-Dstyle.color=never")
        .addArgs(arguments);
    Invoker invoker = new DefaultInvoker();
    Path wrapper = projectRoot.resolve("mvnw");
    if (Files.isExecutable(wrapper)) {
      invoker.setMavenExecutable(wrapper.toFile());
    } else {
      Path home = MavenHome.locate(environment).orElseThrow(() -> new OperationFailedException(
          "cannot find Maven", "install Maven 3.8 or newer, or set MAVEN_HOME", null));
      invoker.setMavenHome(home.toFile());
    }
    try {
      InvocationResult result = invoker.execute(request);
      if (result.getExecutionException() != null) {
        throw new OperationFailedException("could not run Maven: " + result.getExecutionException().getMessage(),
            result.getExecutionException());
      }
      return result.getExitCode();
    } catch (MavenInvocationException e) {
      throw new OperationFailedException("could not run Maven: " + e.getMessage(), e);
    }
  }
}
