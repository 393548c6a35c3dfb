package dev.purista.cli.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.model.EventCatalog;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.plan.ProposedFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Emits {@code ServiceEvents}: one constant per event name the project uses, as PURISTA's event enum. */
final class ServiceEventsEmitter {
  private ServiceEventsEmitter() {
  }

  /**
   * Everything of the model {@link #emit} reads, by constant: each event's name, producers and subscribers. A
   * change that leaves it equal does not rewrite the class; a change that alters it renders only the constants
   * whose entry differs (see {@link #emitChanged}).
   */
  static Map<String, String> inputs(ProjectModel model) {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (EventCatalog.Event event : EventCatalog.of(model).events()) {
      inputs.put(event.constantName(), input(event));
    }
    return inputs;
  }

  static ProposedFile emit(ProjectLayout layout, ProjectModel model) {
    return emit(layout, EventCatalog.of(model).events());
  }

  /**
   * The class for {@code after}, with the same bytes as {@link #emit}, built from {@code current}, the class as
   * generated for {@code before} and not edited since: the constants whose inputs did not change keep their text,
   * and only the others go through JavaPoet. Rendering every constant is what made an add that introduces one
   * event cost as much as the project has events. Without a usable {@code current}, renders the whole class.
   */
  static ProposedFile emitChanged(ProjectLayout layout, Map<String, String> beforeInputs, ProjectModel after,
      Optional<String> current) {
    List<EventCatalog.Event> events = EventCatalog.of(after).events();
    List<EventCatalog.Event> changed = events.stream()
        .filter(event -> !input(event).equals(beforeInputs.get(event.constantName())))
        .toList();
    Optional<ConstantBlocks> kept = current.flatMap(text -> ConstantBlocks.parse(text, layout.serviceEvents()))
        .filter(blocks -> blocks.constants().keySet().equals(beforeInputs.keySet()));
    if (kept.isEmpty() || changed.isEmpty()) {
      return emit(layout, events);
    }
    ProposedFile fresh = emit(layout, changed);
    ConstantBlocks rendered = ConstantBlocks.parse(fresh.content(), layout.serviceEvents())
        .orElseThrow(() -> new IllegalStateException("cannot read back the generated " + fresh.path()));
    StringBuilder source = new StringBuilder(rendered.prefix());
    for (int i = 0; i < events.size(); i++) {
      String constant = events.get(i).constantName();
      String block = rendered.constants().get(constant);
      source.append(i == 0 ? "" : ConstantBlocks.SEPARATOR)
          .append(block != null ? block : kept.get().constants().get(constant));
    }
    source.append(rendered.suffix());
    return new ProposedFile(fresh.path(), source.toString(), fresh.ownership());
  }

  private static ProposedFile emit(ProjectLayout layout, List<EventCatalog.Event> events) {
    ClassName name = layout.serviceEvents();
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc("The names of the events of this project: success events of commands, outputs of "
            + "subscriptions,\nand the events subscriptions react to. Refer to these constants instead of "
            + "repeating the strings.\n");
    for (EventCatalog.Event event : events) {
      type.addField(FieldSpec.builder(String.class, event.constantName(), PUBLIC, STATIC, FINAL)
          .initializer("$S", event.name())
          .addJavadoc("$L", describe(event))
          .build());
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build());
    return JavaSources.regenerated(name, type.build());
  }

  private static String input(EventCatalog.Event event) {
    return event.name() + " " + event.producers().stream().map(EventCatalog.Producer::label).toList() + " "
        + event.subscribers();
  }

  private static String describe(EventCatalog.Event event) {
    String emitted = event.producers().isEmpty()
        ? "Emitted outside this project."
        : "Emitted by " + event.producers().stream().map(EventCatalog.Producer::label)
            .collect(Collectors.joining(", ")) + ".";
    String received = event.subscribers().isEmpty()
        ? ""
        : " Received by " + String.join(", ", event.subscribers()) + ".";
    return JavaSources.javadocText(emitted + received) + "\n";
  }
}
