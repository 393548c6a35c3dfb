package dev.purista.lambda.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.testkit.LambdaFunctionProcess;
import dev.purista.testkit.LambdaRuntimeApiStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The test function ({@link ShopFunction}) in its own JVM under AWS's runtime interface client, with the stand-in
 * Runtime API it polls, and what the tests that send it events ask of it: an event's answer, and the counters of
 * its {@code stats} command.
 */
final class RunningShopFunction implements AutoCloseable {
  /** How long an invocation may run, as the function's deadline. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** How long a test waits for the function to ask for the event and answer it. */
  static final Duration WAIT = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LambdaRuntimeApiStandIn runtime;
  private final LambdaFunctionProcess process;

  private RunningShopFunction(LambdaRuntimeApiStandIn runtime, LambdaFunctionProcess process) {
    this.runtime = runtime;
    this.process = process;
  }

  /** Starts the stand-in and the function, with {@code environment} added to the function's. */
  static RunningShopFunction start(Path workDir, Map<String, String> environment) throws Exception {
    LambdaRuntimeApiStandIn runtime = new LambdaRuntimeApiStandIn();
    try {
      return new RunningShopFunction(runtime, LambdaFunctionProcess.start(FunctionJar.path(), FunctionJar.awsRuntime(),
          workDir, ShopFunction.class.getName(), runtime.address(), environment));
    } catch (Exception | Error e) {
      runtime.close();
      throw e;
    }
  }

  LambdaRuntimeApiStandIn runtime() {
    return runtime;
  }

  LambdaFunctionProcess process() {
    return process;
  }

  /** The answer to {@code event}, which must not be an error. */
  JsonNode answer(ObjectNode event) throws Exception {
    return answer(event.toString());
  }

  /** The answer to {@code event}, which must not be an error. */
  JsonNode answer(String event) throws Exception {
    LambdaRuntimeApiStandIn.Outcome outcome = runtime.invoke(event, TIMEOUT, WAIT);
    assertFalse(outcome.error(), () -> "the function failed: " + outcome);
    assertNotNull(outcome.body());
    return JSON.readTree(outcome.body());
  }

  /** The counters of the function's {@code stats} command, asked for by a direct invocation. */
  JsonNode stats() throws Exception {
    return answer("{\"service\":\"shop\",\"version\":\"1\",\"command\":\"stats\"}");
  }

  /** The services started once, in this process: the warm instance served every event so far. */
  void assertServicesStartedOnce() throws Exception {
    JsonNode stats = stats();
    assertEquals(1, stats.path("bridgeStarts").asInt(), stats::toString);
    assertEquals(ShopService.DEFINITION.commands().size(), stats.path("commandRegistrations").asInt(),
        stats::toString);
    assertEquals(process.pid(), stats.path("pid").asLong());
  }

  @Override
  public void close() {
    try {
      process.close();
    } finally {
      runtime.close();
    }
  }
}
