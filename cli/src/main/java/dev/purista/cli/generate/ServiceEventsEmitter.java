package dev.purista.cli.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import dev.purista.cli.naming.CaseFormat;
import dev.purista.cli.plan.ProposedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Emits a service's event constants, {@code <Name>V<N>Events}: one constant per event name the service emits
 * (success events of its commands, outputs of its subscriptions) or receives (the events its subscriptions react
 * to), as PURISTA's event enum. One class per service, not one for the project: the class depends on its service
 * alone, so a change to one service rewrites its own constants and no other file, and a project of many services
 * pays for an add what the add touches. Two services that use one event each have a constant for it, with the
 * same name and value.
 */
final class ServiceEventsEmitter {
  private ServiceEventsEmitter() {
  }

  static ProposedFile emit(ProjectLayout layout, ServiceModel service) {
    ClassName name = layout.serviceEvents(service);
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc("The names of the events service $L emits and receives: success events of its commands, "
            + "outputs of its\nsubscriptions, and the events its subscriptions react to. Refer to these constants "
            + "instead of repeating\nthe strings.\n", service.label());
    for (Map.Entry<String, Uses> event : events(service).entrySet()) {
      type.addField(FieldSpec.builder(String.class, CaseFormat.constant(event.getKey()), PUBLIC, STATIC, FINAL)
          .initializer("$S", event.getKey())
          .addJavadoc("$L", event.getValue().describe())
          .build());
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build());
    return JavaSources.regenerated(name, type.build());
  }

  /** The service's events by name, sorted, with the functions of the service that emit and receive each. */
  private static Map<String, Uses> events(ServiceModel service) {
    Map<String, Uses> events = new TreeMap<>();
    for (CommandModel command : service.commands()) {
      command.successEventName().ifPresent(event -> events.computeIfAbsent(event, e -> new Uses())
          .emitters.add("command " + command.name()));
    }
    for (SubscriptionModel subscription : service.subscriptions()) {
      events.computeIfAbsent(subscription.event(), e -> new Uses()).receivers.add("subscription "
          + subscription.name());
      subscription.emitsEvent().ifPresent(event -> events.computeIfAbsent(event, e -> new Uses())
          .emitters.add("subscription " + subscription.name()));
    }
    return events;
  }

  /** Who in the service emits and receives one event, in the order the model lists them. */
  private static final class Uses {
    private final List<String> emitters = new ArrayList<>();
    private final List<String> receivers = new ArrayList<>();

    String describe() {
      String emitted = emitters.isEmpty() ? "" : "Emitted by " + String.join(", ", emitters) + ".";
      String received = receivers.isEmpty() ? "" : "Received by " + String.join(", ", receivers) + ".";
      return JavaSources.javadocText(emitted + (emitted.isEmpty() || received.isEmpty() ? "" : " ") + received)
          + "\n";
    }
  }
}
