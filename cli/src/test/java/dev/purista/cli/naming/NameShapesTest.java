package dev.purista.cli.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each hand-written shape accepts exactly what the pattern it stands for accepts. */
class NameShapesTest {
  /** Every character class of the patterns, their edges, and characters none of them takes. */
  private static final String ALPHABET = "aAzZ09_.-~{}/ é";

  @Test
  void lowerCamel() {
    assertSameAs("[a-z][A-Za-z0-9]*", NameShapes::isLowerCamel);
  }

  @Test
  void eventName() {
    assertSameAs("[A-Za-z][A-Za-z0-9]*([._-][A-Za-z0-9]+)*", NameShapes::isEventName);
  }

  @Test
  void packageSegment() {
    assertSameAs("[a-z_][a-z0-9_]*", NameShapes::isPackageSegment);
  }

  @Test
  void version() {
    assertSameAs("[1-9][0-9]{0,5}", NameShapes::isVersion);
    for (String value : List.of("1", "10", "999999", "1000000", "0", "01", "123456", "1234567")) {
      assertEquals(Pattern.matches("[1-9][0-9]{0,5}", value), NameShapes.isVersion(value), value);
    }
  }

  @Test
  void pathLiteral() {
    assertSameAs("[A-Za-z0-9._~-]+", NameShapes::isPathLiteral);
  }

  @Test
  void pathVariable() {
    Pattern variable = Pattern.compile("\\{([a-z][A-Za-z0-9]*)}");
    for (String value : strings()) {
      var matcher = variable.matcher(value);
      assertEquals(matcher.matches() ? matcher.group(1) : null, NameShapes.pathVariable(value), value);
    }
  }

  private static void assertSameAs(String regex, Predicate<String> shape) {
    Pattern pattern = Pattern.compile(regex);
    for (String value : strings()) {
      assertEquals(pattern.matcher(value).matches(), shape.test(value), regex + " on '" + value + "'");
    }
  }

  /** Every string of up to four characters from {@link #ALPHABET}, the empty one included. */
  private static List<String> strings() {
    List<String> all = new ArrayList<>(List.of(""));
    List<String> previous = List.of("");
    for (int length = 1; length <= 4; length++) {
      List<String> next = new ArrayList<>();
      for (String prefix : previous) {
        for (char c : ALPHABET.toCharArray()) {
          next.add(prefix + c);
        }
      }
      all.addAll(next);
      previous = next;
    }
    return all;
  }
}
