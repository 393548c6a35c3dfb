package dev.purista.lambda.it;

import java.nio.file.Path;

/** Where the build put the function jar under test and the runtime interface client's jars (failsafe properties). */
final class FunctionJar {
  private FunctionJar() {
  }

  static Path path() {
    return Path.of(System.getProperty("purista.lambda.functionJar"));
  }

  static Path awsRuntime() {
    return Path.of(System.getProperty("purista.lambda.awsRuntime"));
  }
}
