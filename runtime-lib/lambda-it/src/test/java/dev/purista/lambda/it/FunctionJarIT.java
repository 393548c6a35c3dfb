package dev.purista.lambda.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What a function jar built on purista-lambda carries, and what it leaves out. */
class FunctionJarIT {
  @Test
  void theServerTheDocsPageAndTheSchemaGeneratorStayOut() throws Exception {
    try (JarFile jar = new JarFile(FunctionJar.path().toFile())) {
      List<String> entries = jar.stream().map(java.util.jar.JarEntry::getName).toList();
      assertTrue(entries.contains("dev/purista/http/gateway/HttpGateway.class"), "the gateway is in");
      assertTrue(entries.contains("dev/purista/lambda/PuristaLambdaHandler.class"));
      for (String left : List.of("io/undertow/", "org/xnio/", "org/jboss/threads/", "META-INF/resources/webjars/",
          "com/github/victools/")) {
        assertTrue(entries.stream().noneMatch(entry -> entry.startsWith(left)), left + " is in the function jar");
      }
    }
  }
}
