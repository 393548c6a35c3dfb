package dev.purista.cli.generate;

import com.palantir.javapoet.ClassName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The generated {@code ServiceEvents} source cut into its parts: everything up to the class's opening brace, the
 * text of each constant (its Javadoc and declaration, as JavaPoet laid it out) by constant name, and everything
 * from the constructor on. Reading anything else, such as a hand-edited class, gives nothing.
 */
record ConstantBlocks(String prefix, Map<String, String> constants, String suffix) {
  /** What JavaPoet puts between two members: an empty line. */
  static final String SEPARATOR = "\n";
  private static final String JAVADOC_START = "  /**\n";
  private static final String DECLARATION = "\n  public static final String ";
  private static final String DECLARATION_END = ";\n";

  static Optional<ConstantBlocks> parse(String source, ClassName type) {
    String opening = "\npublic final class " + type.simpleName() + " {\n";
    int classStart = source.indexOf(opening);
    if (classStart < 0) {
      return Optional.empty();
    }
    int position = classStart + opening.length();
    String prefix = source.substring(0, position);
    String constructor = SEPARATOR + "  private " + type.simpleName() + "() {\n";
    Map<String, String> constants = new LinkedHashMap<>();
    boolean first = true;
    while (!source.startsWith(first ? constructor.substring(SEPARATOR.length()) : constructor, position)) {
      if (!first) {
        position += SEPARATOR.length();
      }
      if (!source.startsWith(JAVADOC_START, position)) {
        return Optional.empty();
      }
      int declaration = source.indexOf(DECLARATION, position);
      int end = declaration < 0 ? -1 : source.indexOf(DECLARATION_END, declaration);
      if (end < 0) {
        return Optional.empty();
      }
      end += DECLARATION_END.length();
      int nameStart = declaration + DECLARATION.length();
      int nameEnd = nameStart;
      while (nameEnd < end && Character.isJavaIdentifierPart(source.charAt(nameEnd))) {
        nameEnd++;
      }
      if (constants.put(source.substring(nameStart, nameEnd), source.substring(position, end)) != null) {
        return Optional.empty();
      }
      position = end;
      first = false;
    }
    return Optional.of(new ConstantBlocks(prefix, Map.copyOf(constants), source.substring(position)));
  }
}
