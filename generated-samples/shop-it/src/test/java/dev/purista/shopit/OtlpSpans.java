package dev.purista.shopit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.purista.testkit.OtlpReceiver;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;

/** Reading what an {@link OtlpReceiver} got: every span of one service, a span by name, attribute values. */
final class OtlpSpans {
  private OtlpSpans() {
  }

  /** Every span received, asserting that each came from {@code serviceName}. */
  static List<Span> of(OtlpReceiver receiver, String serviceName) {
    return receiver.traces().stream().flatMap(request -> request.getResourceSpansList().stream())
        .peek(resource -> assertEquals(serviceName, serviceName(resource.getResource().getAttributesList())))
        .flatMap(resource -> resource.getScopeSpansList().stream())
        .flatMap(scope -> scope.getSpansList().stream()).toList();
  }

  /** The one span named {@code name}; {@code output} (the process's) explains a failure. */
  static Span only(List<Span> spans, String name, String output) {
    List<Span> named = spans.stream().filter(span -> span.getName().equals(name)).toList();
    assertEquals(1, named.size(), () -> name + " among " + spans.stream().map(Span::getName).toList()
        + "\nprocess output:\n" + output);
    return named.get(0);
  }

  static String serviceName(List<KeyValue> attributes) {
    return stringAttribute(attributes, "service.name");
  }

  static String stringAttribute(List<KeyValue> attributes, String key) {
    return attribute(attributes, key).getValue().getStringValue();
  }

  static long intAttribute(List<KeyValue> attributes, String key) {
    return attribute(attributes, key).getValue().getIntValue();
  }

  private static KeyValue attribute(List<KeyValue> attributes, String key) {
    KeyValue found = attributes.stream().filter(kv -> kv.getKey().equals(key)).findFirst().orElse(null);
    assertNotNull(found, () -> key + " among " + attributes);
    return found;
  }
}
