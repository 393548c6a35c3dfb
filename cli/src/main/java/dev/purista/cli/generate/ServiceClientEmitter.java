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
import dev.purista.cli.plan.ProposedFile;
import java.time.Duration;
import java.util.Objects;

/**
 * Emits the typed client of one service version ({@code UserV1Client}): one method per command, so that other
 * services call it with types instead of addresses and classes. It works on anything that invokes commands: a
 * handler's context, a {@code PuristaClient}, a test harness.
 */
final class ServiceClientEmitter {
  private ServiceClientEmitter() {
  }

  static ProposedFile emit(ProjectLayout layout, ServiceModel service) {
    ClassName name = layout.clientClass(service);
    ClassName serviceClass = layout.serviceClass(service);
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc("Calls the commands of service $L through the event bridge, wherever that service runs.\n\n"
            + "<p>In a handler: {@code new $L(context).someCommand(payload, parameter)}.\nEach call waits for the "
            + "result and throws the receiver's {@code HandledError}, or one with\nreason {@code TIMEOUT} or "
            + "{@code NO_HANDLERS}.\n", service.label(), name.simpleName())
        .addField(RuntimeTypes.COMMAND_INVOKER, "invoker", PRIVATE, FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(PUBLIC)
            .addParameter(RuntimeTypes.COMMAND_INVOKER, "invoker")
            .addStatement("this.invoker = $T.requireNonNull(invoker, $S)", Objects.class, "invoker")
            .build());
    for (CommandModel command : service.commands()) {
      type.addField(FieldSpec.builder(RuntimeTypes.MESSAGE_ADDRESS, ProjectLayout.definitionConstant(command.name()),
              PRIVATE, STATIC, FINAL)
          .initializer("\n$>$>$T.of($T.NAME, $T.VERSION, $S)$<$<", RuntimeTypes.MESSAGE_ADDRESS, serviceClass,
              serviceClass, command.name())
          .build());
    }
    for (CommandModel command : service.commands()) {
      String address = ProjectLayout.definitionConstant(command.name());
      ClassName payload = layout.commandPayload(service, command);
      ClassName parameter = layout.commandParameter(service, command);
      ClassName result = layout.commandResult(service, command);
      type.addMethod(MethodSpec.methodBuilder(command.name())
          .addModifiers(PUBLIC)
          .addJavadoc("Invokes command {@code $L}$L\n", command.name(),
              ServiceDefinitionEmitter.sentence(command.description()))
          .returns(result)
          .addParameter(payload, "payload")
          .addParameter(parameter, "parameter")
          .addStatement("return invoker.invoke($N, payload, parameter, $T.class)", address, result)
          .build());
      type.addMethod(MethodSpec.methodBuilder(command.name())
          .addModifiers(PUBLIC)
          .addJavadoc("Invokes command {@code $L}, failing with reason {@code TIMEOUT} after {@code timeout}.\n",
              command.name())
          .returns(result)
          .addParameter(payload, "payload")
          .addParameter(parameter, "parameter")
          .addParameter(Duration.class, "timeout")
          .addStatement("return invoker.invoke($N, payload, parameter, $T.class, timeout)", address, result)
          .build());
    }
    return JavaSources.regenerated(name, type.build());
  }
}
