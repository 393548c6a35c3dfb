package dev.purista.lambda;

/**
 * The training run of a class-data archive (AppCDS) for a function in a container image: instantiates the
 * handler as the runtime would, which starts the services and primes each route (no handler runs, nothing is
 * sent anywhere), then exits. Run with {@code -XX:ArchiveClassesAtExit}, the JVM writes the classes it loaded
 * into the archive; the function's JVM names it in {@code JAVA_TOOL_OPTIONS=-XX:SharedArchiveFile=...} and maps
 * them instead of reading, verifying and linking them again.
 *
 * <pre>
 * java -XX:ArchiveClassesAtExit=/var/task/function.jsa -cp '/var/runtime/lib/*:/var/task/lib/*' \
 *     dev.purista.lambda.ClassDataTraining com.example.LambdaHandler
 * </pre>
 *
 * <p>An archive is used only by the JVM build that wrote it, and only with the same class path: the training
 * run and the function must both put the runtime interface client's jars and the function's jars on the class
 * path, in the same order, as the generated {@code deploy/lambda/Dockerfile} does. The runtime interface client
 * then finds the handler through its own class loader's parent, the application class loader, which holds the
 * archived classes. (With the function's jars only in the task root's {@code lib/}, as the managed runtime has
 * them, the class paths differ and the JVM ignores the archive.)
 */
public final class ClassDataTraining {
  private ClassDataTraining() {
  }

  public static void main(String[] args) throws ReflectiveOperationException {
    if (args.length != 1) {
      System.err.println("usage: java -XX:ArchiveClassesAtExit=<archive> -cp <the function's class path> "
          + ClassDataTraining.class.getName() + " <handler class>");
      System.exit(2);
    }
    Class<?> type = Class.forName(args[0], true, ClassLoader.getSystemClassLoader());
    Object handler = type.getDeclaredConstructor().newInstance();
    System.out.println("class-data training: " + handler.getClass().getName() + " initialised");
    // The services' threads would keep the JVM alive; the archive is written on this exit.
    System.exit(0);
  }
}
