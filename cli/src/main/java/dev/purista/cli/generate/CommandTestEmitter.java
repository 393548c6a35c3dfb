package dev.purista.cli.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.naming.CaseFormat;
import dev.purista.cli.plan.ProposedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the user-owned test of a command. It runs the command through the real pipeline with
 * {@code CommandHarness} and passes as generated, so a new command starts green.
 */
final class CommandTestEmitter {
  private CommandTestEmitter() {
  }

  static ProposedFile emit(ProjectLayout layout, ServiceModel service, CommandModel command,
      ResultExample example) {
    ClassName name = layout.commandTest(service, command);
    ClassName serviceClass = layout.serviceClass(service);
    ClassName payload = layout.commandPayload(service, command);
    ClassName parameter = layout.commandParameter(service, command);
    ClassName result = layout.commandResult(service, command);

    CodeBlock.Builder body = CodeBlock.builder()
        .beginControlFlow("try ($T harness =\n$>$>$T.of($T.NAME, $T.VERSION, $T.$N)$<$<)",
            ParameterizedTypeName.get(RuntimeTypes.COMMAND_HARNESS, payload, parameter, result),
            RuntimeTypes.COMMAND_HARNESS, serviceClass, serviceClass, serviceClass,
            ProjectLayout.definitionConstant(command.name()))
        .addStatement("$T outcome = harness.run(new $T(), $L)",
            ParameterizedTypeName.get(RuntimeTypes.COMMAND_OUTCOME, result), payload,
            parameterExample(parameter, command));
    List<String> assertions = new ArrayList<>();
    if (example != null) {
      assertions.add("assertEquals");
      body.addStatement("$T.assertEquals($S, outcome.result().$N())", RuntimeTypes.ASSERTIONS, example.value(),
          example.component());
    } else {
      assertions.add("assertNotNull");
      body.addStatement("$T.assertNotNull(outcome.result())", RuntimeTypes.ASSERTIONS);
    }
    if (command.successEventName().isPresent() && !assertions.contains("assertEquals")) {
      assertions.add("assertEquals");
    }
    command.successEventName().ifPresent(event -> body.addStatement("$T.assertEquals($T.of($T.$L), "
        + "outcome.eventNames())", RuntimeTypes.ASSERTIONS, List.class, layout.serviceEvents(service),
        CaseFormat.constant(event)));
    body.endControlFlow();

    String method = example != null
        ? "answers" + CaseFormat.pascal(example.value())
        : command.successEventName().isPresent() ? "answersAndEmitsItsSuccessEvent" : "answers";
    TypeSpec type = TypeSpec.classBuilder(name)
        .addMethod(MethodSpec.methodBuilder(method)
            .addAnnotation(RuntimeTypes.TEST)
            .addCode(body.build())
            .build())
        .build();
    return JavaSources.userOwnedTest(name, type, assertions.stream().sorted().toArray(String[]::new));
  }

  /** {@code new GetUserParameter("1")}: one sample value per path variable, which the parameter record holds. */
  private static CodeBlock parameterExample(ClassName parameter, CommandModel command) {
    List<String> variables = command.httpRoute().map(r -> r.pathVariables()).orElse(List.of());
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < variables.size(); i++) {
      arguments.add(i == 0 ? "$S" : ", $S", "1");
    }
    return CodeBlock.of("new $T($L)", parameter, arguments.build());
  }
}
