package dev.purista.lambda.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.testkit.LambdaFunctionProcess;
import dev.purista.testkit.LambdaRuntimeApiStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function whose services cannot start reports it on {@code /init/error}, and its JVM ends. */
class InitFailureIT {
  @TempDir
  Path workDir;

  @Test
  void anInitialisationFailureIsReportedOnInitError() throws Exception {
    try (LambdaRuntimeApiStandIn runtime = new LambdaRuntimeApiStandIn();
        LambdaFunctionProcess function = LambdaFunctionProcess.start(FunctionJar.path(), FunctionJar.awsRuntime(), workDir,
            BrokenFunction.class.getName(), runtime.address(),
            Map.of())) {
      LambdaRuntimeApiStandIn.Outcome error = runtime.initError(Duration.ofSeconds(60));
      assertEquals("Runtime.BadFunctionCode", error.errorType(), error::toString);
      JsonNode body = new ObjectMapper().readTree(error.body());
      assertTrue(body.path("errorMessage").asText().contains("two commands on GET /api/v1/stats"), error::toString);
      assertEquals(1, function.exitCode(Duration.ofSeconds(30)), () -> String.join("\n", outputOf(function)));
      assertEquals(0, runtime.nextCalls(), "a function that failed to start asked for events");
    }
  }

  private static java.util.List<String> outputOf(LambdaFunctionProcess function) {
    try {
      return function.output();
    } catch (java.io.IOException e) {
      return java.util.List.of(e.toString());
    }
  }
}
