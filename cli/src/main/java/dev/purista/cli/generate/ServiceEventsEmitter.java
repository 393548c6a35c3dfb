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
import java.util.stream.Collectors;

/** Emits {@code ServiceEvents}: one constant per event name the project uses, as PURISTA's event enum. */
final class ServiceEventsEmitter {
  private ServiceEventsEmitter() {
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
