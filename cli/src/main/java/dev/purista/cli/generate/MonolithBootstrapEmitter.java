package dev.purista.cli.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ProposedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits {@code MonolithMain}: every service of the project in one process, on the in-memory bridge, with their
 * HTTP-exposed commands served by purista-http.
 */
final class MonolithBootstrapEmitter implements BootstrapEmitter {

  @Override
  public String target() {
    return TargetModel.MONOLITH;
  }

  /** The base package and each service's name and version, in order: what the class names come from. */
  @Override
  public Object inputs(ProjectModel model, TargetModel target) {
    List<String> inputs = new ArrayList<>();
    inputs.add(model.project().basePackage());
    for (ServiceModel service : model.services()) {
      inputs.add(service.name() + " " + service.version());
    }
    return inputs;
  }

  @Override
  public List<ProposedFile> emit(ProjectLayout layout, ProjectModel model, TargetModel target) {
    ClassName name = layout.monolithMain();
    CodeBlock.Builder body = CodeBlock.builder()
        .add("$T.builder(new $T())", RuntimeTypes.APPLICATION, RuntimeTypes.DEFAULT_EVENT_BRIDGE)
        .add("$>$>");
    for (ServiceModel service : model.services()) {
      body.add("\n.service($T.DEFINITION)", layout.serviceClass(service));
    }
    body.add("\n.component($T.fromEnvironment())", RuntimeTypes.HTTP_SERVER);
    body.add("\n.build()\n.runUntilShutdown();\n$<$<");
    TypeSpec type = TypeSpec.classBuilder(name)
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc("Runs every service of the project in one process on the in-memory event bridge: the "
            + "monolith target.\nIts HTTP-exposed commands are served at /api/v{version}/{path}, on the port in "
            + "PURISTA_HTTP_PORT.\nIt stops gracefully on SIGTERM or Ctrl+C: work in flight finishes first.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("main")
            .addModifiers(PUBLIC, STATIC)
            .addParameter(String[].class, "args")
            .addCode(body.build())
            .build())
        .build();
    return List.of(JavaSources.regenerated(name, type));
  }
}
