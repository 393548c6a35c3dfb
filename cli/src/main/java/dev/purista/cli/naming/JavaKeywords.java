package dev.purista.cli.naming;

import java.util.Set;

/**
 * The words Java reserves, which cannot be a package segment or an identifier. Kept as our own list instead of
 * {@code javax.lang.model.SourceVersion.isKeyword}, which answers for the newest release of whatever JDK runs the
 * CLI: a name must be accepted or rejected the same way on every JDK, since the golden sample depends on it.
 */
final class JavaKeywords {
  private static final Set<String> RESERVED = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
      "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
      "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
      "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "_",
      // literals, which are not keywords but are just as unusable as names
      "true", "false", "null");

  private JavaKeywords() {
  }

  static boolean isReserved(String word) {
    return RESERVED.contains(word);
  }
}
