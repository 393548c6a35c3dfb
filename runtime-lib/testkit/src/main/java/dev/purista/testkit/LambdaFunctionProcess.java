package dev.purista.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * A function in its own JVM, started as AWS's Java base images start one: the runtime interface client's
 * {@code AWSLambda} as main class with the runtime's jars on the class path, the handler class as argument, the
 * working directory as task root with the function jar in its {@code lib/}, and Lambda's default JIT flags.
 *
 * <p>{@code awsRuntime} is a directory holding the runtime interface client's jars and their dependencies (for
 * example copied there by maven-dependency-plugin's {@code copy-dependencies}); the function talks to the
 * Runtime API at {@code runtimeApi}, such as a {@link LambdaRuntimeApiStandIn}'s address.
 */
public final class LambdaFunctionProcess implements AutoCloseable {
  /** purista-lambda's training run of a class-data archive, as the CLI's container image runs it. */
  public static final String CLASS_DATA_TRAINING = "dev.purista.lambda.ClassDataTraining";

  /** The file in the work directory that {@link #trainClassData} writes the training run's output to. */
  public static final String TRAINING_LOG = "training.log";

  /** The JIT flags of Lambda's Java runtimes. */
  private static final List<String> LAMBDA_JIT_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

  private final Process process;
  private final Path log;

  private LambdaFunctionProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Where the function's jar is, as the JVM sees it. */
  public enum Layout {
    /**
     * As AWS's managed Java runtime and its base images have it: the runtime's jars on the class path, the
     * function jar in the task root's {@code lib/}, loaded by the runtime interface client's own class loader.
     */
    MANAGED_RUNTIME,
    /**
     * As the container image of the CLI's {@code deploy/lambda/Dockerfile} has it: the function jar on the class
     * path after the runtime's jars, which a class-data archive requires of both its training run and the
     * function.
     */
    CONTAINER_IMAGE
  }

  /**
   * Starts {@code functionJar} with {@code handler} (a class name, as a function's handler setting names it) in
   * {@code workDir}, with {@code environment} added to Lambda's own variables.
   */
  public static LambdaFunctionProcess start(Path functionJar, Path awsRuntime, Path workDir, String handler,
      String runtimeApi, Map<String, String> environment) throws IOException {
    return start(functionJar, awsRuntime, workDir, handler, runtimeApi, environment, Layout.MANAGED_RUNTIME,
        List.of());
  }

  /** As {@link #start(Path, Path, Path, String, String, Map)}, in {@code layout} and with {@code jvmOptions}. */
  public static LambdaFunctionProcess start(Path functionJar, Path awsRuntime, Path workDir, String handler,
      String runtimeApi, Map<String, String> environment, Layout layout, List<String> jvmOptions)
      throws IOException {
    installFunctionJar(functionJar, workDir);
    Path nativeLibrary = extractNativeClient(awsRuntime, workDir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(LAMBDA_JIT_FLAGS);
    command.addAll(jvmOptions);
    // The client unpacks its native library to one fixed file in /tmp unless told where it is; parallel builds
    // would overwrite each other's copy, so each test JVM loads its own copy of the same library from the jar.
    command.add("-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + nativeLibrary);
    command.add("-cp");
    command.add(classPath(layout, awsRuntime, workDir));
    command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
    command.add(handler);
    Path log = workDir.resolve("function.log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.resolve("task").toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", LambdaRuntimeApiStandIn.FUNCTION_NAME);
    builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    builder.environment().put("_HANDLER", handler);
    builder.environment().put("LAMBDA_TASK_ROOT", workDir.resolve("task").toString());
    builder.environment().putAll(environment);
    return new LambdaFunctionProcess(builder.start(), log);
  }

  /**
   * Writes a class-data archive for {@code handler} as the CLI's container image does: purista-lambda's
   * {@code ClassDataTraining} with {@code -XX:ArchiveClassesAtExit}, Lambda's JIT flags and the
   * {@link Layout#CONTAINER_IMAGE} class path of {@code workDir}. Returns the training JVM's exit code; its output
   * is in {@code training.log} in {@code workDir}.
   */
  public static int trainClassData(Path functionJar, Path awsRuntime, Path workDir, String handler, Path archive)
      throws IOException, InterruptedException {
    installFunctionJar(functionJar, workDir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(LAMBDA_JIT_FLAGS);
    command.add("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath());
    command.add("-cp");
    command.add(classPath(Layout.CONTAINER_IMAGE, awsRuntime, workDir));
    command.add(CLASS_DATA_TRAINING);
    command.add(handler);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.resolve("task").toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve(TRAINING_LOG).toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      return -1;
    }
    return process.exitValue();
  }

  /**
   * The function jar in the task root's {@code lib/}. Its time stamp is kept, so that installing it again for
   * the function after a training run leaves it the file the archive was written against.
   */
  private static void installFunctionJar(Path functionJar, Path workDir) throws IOException {
    Path taskLib = Files.createDirectories(workDir.resolve("task").resolve("lib"));
    Files.copy(functionJar, taskLib.resolve("function.jar"), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.COPY_ATTRIBUTES);
  }

  private static String classPath(Layout layout, Path awsRuntime, Path workDir) {
    String runtime = awsRuntime.toAbsolutePath().resolve("*").toString();
    return layout == Layout.MANAGED_RUNTIME ? runtime
        : runtime + File.pathSeparator + workDir.toAbsolutePath().resolve("task").resolve("lib").resolve("*");
  }

  /** The linux x86_64 library of the client jar, the one the client itself tries first. */
  private static Path extractNativeClient(Path awsRuntime, Path workDir) throws IOException {
    Path jar;
    try (var files = Files.list(awsRuntime)) {
      jar = files.filter(file -> file.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
          .findFirst().orElseThrow(() -> new IOException("no runtime interface client in " + awsRuntime));
    }
    Path target = workDir.resolve("libaws-lambda-jni.so");
    try (JarFile file = new JarFile(jar.toFile());
        InputStream library = file.getInputStream(file.getEntry("jni/libaws-lambda-jni.linux-x86_64.so"))) {
      Files.copy(library, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /** Whether the function's JVM still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The function's JVM's process id. */
  public long pid() {
    return process.pid();
  }

  /** The exit code, waiting up to {@code wait}; {@code null} while it still runs. */
  public Integer exitCode(Duration wait) throws InterruptedException {
    return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
  }

  /** Everything the function wrote to stdout and stderr so far. */
  public List<String> output() throws IOException {
    return Files.readAllLines(log);
  }

  /** {@link #output()} as one text, or why it could not be read: for an assertion's message. */
  public String outputText() {
    return textOrWhyNot(log);
  }

  /** What the {@link #trainClassData training run} in {@code workDir} printed, or why it could not be read. */
  public static String trainingLog(Path workDir) {
    return textOrWhyNot(workDir.resolve(TRAINING_LOG));
  }

  private static String textOrWhyNot(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
