package dev.purista.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime modules are compiled with {@code -XDstringConcat=inline} (runtime-lib's pom): no string
 * concatenation of theirs is an invokedynamic site that {@code StringConcatFactory} bootstraps on a cold start.
 */
class CompiledConcatenationTest {
  private static final String FACTORY = "java/lang/invoke/StringConcatFactory";

  @Test
  void noClassOfCoreBootstrapsStringConcatenation() {
    List<Path> indy = ClassFileReferences.classFilesMentioning(CommandDefinition.class, FACTORY);

    assertEquals(List.of(), indy);
  }

  @Test
  void concatenationsAreCompiledToStringBuilderCalls() {
    // Guards the check above against passing vacuously: ServiceDefinition's toString concatenates.
    assertTrue(ClassFileReferences.mentions(ServiceDefinition.class, "java/lang/StringBuilder"));
    assertFalse(ClassFileReferences.mentions(ServiceDefinition.class, FACTORY));
    assertEquals("ServiceDefinition[user v1]", ServiceDefinition.builder("user", "1").build().toString());
  }
}
