package dev.purista.cli.generate;

import com.palantir.javapoet.ClassName;
import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.plan.ProposedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The user-owned files of a new command: handler, payload, parameter and result records, and a passing test.
 * They are written once, when the command is added.
 */
public final class CommandSkeleton {
  private CommandSkeleton() {
  }

  /**
   * @param example a fixed answer for the handler and test, or {@code null} for an empty result record
   */
  public static List<ProposedFile> files(ProjectLayout layout, ServiceModel service, CommandModel command,
      ResultExample example) {
    String what = "command {@code " + command.name() + "} of service " + service.label();
    List<RecordEmitter.Component> parameterComponents = new ArrayList<>();
    StringBuilder parameterDoc = new StringBuilder("The parameter of ").append(what)
        .append(": values that come beside the payload,\nsuch as HTTP path and query values.\n");
    command.httpRoute().ifPresent(route -> {
      for (String variable : route.pathVariables()) {
        parameterComponents.add(new RecordEmitter.Component(variable, ClassName.get(String.class)));
      }
      if (!route.pathVariables().isEmpty()) {
        parameterDoc.append("\n<p>Its components are the variables of the HTTP path {@code ").append(route.path())
            .append("}.\n");
      }
    });
    StringBuilder resultDoc = new StringBuilder("The result of ").append(what).append('.');
    command.successEventName().ifPresent(event ->
        resultDoc.append(" It is also the payload of the event {@code ").append(event).append("}."));
    resultDoc.append('\n');
    List<RecordEmitter.Component> resultComponents = example == null
        ? List.of()
        : List.of(new RecordEmitter.Component(example.component(), ClassName.get(String.class)));

    return List.of(
        CommandHandlerEmitter.emit(layout, service, command, example),
        RecordEmitter.emit(layout.commandPayload(service, command), List.of(),
            "The payload of " + what + ": the input it takes.\n\n<p>Add components for its fields, with Jakarta "
                + "Bean Validation constraints such as\n{@code @NotBlank}; invalid input is answered with 400 "
                + "before the handler runs.\n"),
        RecordEmitter.emit(layout.commandParameter(service, command), parameterComponents,
            parameterDoc.toString()),
        RecordEmitter.emit(layout.commandResult(service, command), resultComponents, resultDoc.toString()),
        CommandTestEmitter.emit(layout, service, command, example));
  }
}
