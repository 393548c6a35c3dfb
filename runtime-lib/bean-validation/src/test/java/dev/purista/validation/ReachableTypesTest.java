package dev.purista.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReachableTypesTest {
  record Leaf(String text) {
  }

  record InArray(int n) {
  }

  record MapKey(String k) {
  }

  record ViaGetter(String s) {
  }

  sealed interface Shape permits Circle, Square {
  }

  record Circle(double r) implements Shape {
  }

  record Square(double side) implements Shape {
  }

  interface Open {
  }

  abstract static class Base {
    Leaf inherited;
  }

  static final class Bean extends Base {
    private InArray[] arrayed;

    public ViaGetter getComputed() {
      return null;
    }
  }

  record Root(Leaf leaf, List<Optional<Leaf>> nested, Map<MapKey, ? extends Bean> beans, Shape shape, Open open,
      JsonNode tree, String name) {
  }

  @Test
  void followsFieldsGettersTypeArgumentsArraysSuperclassesAndSealedHierarchies() {
    Set<Class<?>> found = ReachableTypes.from(List.of(Root.class));

    assertEquals(Set.of(Root.class, Leaf.class, MapKey.class, Bean.class, InArray.class, ViaGetter.class,
        Circle.class, Square.class), found);
  }

  @Test
  void leavesOutTheJdkJacksonInterfacesAndPrimitives() {
    Set<Class<?>> found = ReachableTypes.from(List.of(String.class, Map.class, JsonNode.class, Open.class,
        int.class, Void.class));

    assertTrue(found.isEmpty(), found.toString());
  }
}
