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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Emits {@code ServiceEvents}: one constant per event name the project uses, as PURISTA's event enum. */
final class ServiceEventsEmitter {
  private ServiceEventsEmitter() {
  }

  /**
   * Everything of the model {@link #emit} reads: each event's name, producers and subscribers. A change that
   * leaves it equal does not rewrite the class.
   */
  static List<String> inputs(ProjectModel model) {
    List<String> inputs = new ArrayList<>();
    for (EventCatalog.Event event : EventCatalog.of(model).events()) {
      inputs.add(event.name() + " " + event.producers().stream().map(EventCatalog.Producer::label).toList() + " "
          + event.subscribers());
    }
    return inputs;
  }

  static ProposedFile emit(ProjectLayout layout, ProjectModel model) {
    ClassName name = layout.serviceEvents();
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc("The names of the events of this project: success events of commands, outputs of "
            + "subscriptions,\nand the events subscriptions react to. Refer to these constants instead of "
            + "repeating the strings.\n");
    for (EventCatalog.Event event : EventCatalog.of(model).events()) {
      type.addField(FieldSpec.builder(String.class, event.constantName(), PUBLIC, STATIC, FINAL)
          .initializer("$S", event.name())
          .addJavadoc("$L", describe(event))
          .build());
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build());
    return JavaSources.regenerated(name, type.build());
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
