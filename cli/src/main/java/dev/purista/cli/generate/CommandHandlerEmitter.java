package dev.purista.cli.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.plan.ProposedFile;

/** Emits the user-owned handler of a command ({@code SignUpCommand}), where the business logic goes. */
final class CommandHandlerEmitter {
  private CommandHandlerEmitter() {
  }

  static ProposedFile emit(ProjectLayout layout, ServiceModel service, CommandModel command,
      ResultExample example) {
    ClassName name = layout.commandHandler(service, command);
    ClassName payload = layout.commandPayload(service, command);
    ClassName parameter = layout.commandParameter(service, command);
    ClassName result = layout.commandResult(service, command);
    StringBuilder doc = new StringBuilder("Handles command {@code ").append(command.name())
        .append("} of service ").append(service.label())
        .append(ServiceDefinitionEmitter.sentence(command.description())).append('\n');
    command.httpRoute().ifPresent(route -> doc.append("\n<p>Exposed over HTTP as {@code ").append(route.method())
        .append(' ').append(route.path()).append("}.\n"));
    command.successEventName().ifPresent(event -> doc.append("\n<p>Its result is emitted as the event {@code ")
        .append(event).append("}.\n"));

    MethodSpec.Builder handle = MethodSpec.methodBuilder("handle")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(result)
        .addParameter(RuntimeTypes.COMMAND_CONTEXT, "context")
        .addParameter(payload, "payload")
        .addParameter(parameter, "parameter")
        .addComment("Business logic goes here. Call other services through their typed clients, such as")
        .addComment("new SomeV1Client(context), and throw HandledError to answer with a business error.");
    if (example != null) {
      handle.addStatement("return new $T($S)", result, example.value());
    } else {
      handle.addStatement("return new $T()", result);
    }
    TypeSpec type = TypeSpec.classBuilder(name)
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc("$L", doc.toString())
        .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.COMMAND_HANDLER, payload, parameter, result))
        .addMethod(handle.build())
        .build();
    return JavaSources.userOwned(name, type);
  }
}
