package dev.purista.cli.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.TargetKind;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.util.List;

/**
 * Emits the lambda module: {@code LambdaHandler}, a {@code PuristaLambdaHandler} with every service inside the
 * function on the in-memory bridge and the stores the environment chooses, and a pom that shades it into a function jar without server or broker client.
 */
final class LambdaBootstrapEmitter implements BootstrapEmitter {

  @Override
  public String target() {
    return TargetKind.LAMBDA.targetName();
  }

  @Override
  public List<ProposedFile> code(ProjectLayout layout, ProjectModel model, TargetModel target,
      TemplateRenderer renderer) {
    ClassName name = layout.lambdaHandler();
    CodeBlock.Builder function = CodeBlock.builder().add("super($T.builder()", RuntimeTypes.LAMBDA_FUNCTION)
        .add("$>$>")
        .add("\n.openTelemetry($T.install())", RuntimeTypes.OPEN_TELEMETRY_SETUP)
        .add("\n.afterInvocation($T::flush)", RuntimeTypes.OPEN_TELEMETRY_SETUP)
        .add("\n.storesAndQueuesFromEnvironment()");
    for (ServiceModel service : model.services()) {
      function.add("\n.service($T.DEFINITION)", layout.serviceClass(service));
    }
    function.add(");\n$<$<");
    TypeSpec type = TypeSpec.classBuilder(name)
        .addModifiers(PUBLIC, FINAL)
        .superclass(RuntimeTypes.PURISTA_LAMBDA_HANDLER)
        .addJavadoc("$L", JavaSources.wrapped("The AWS Lambda handler of the lambda target: every service runs inside the function on the "
            + "in-memory bridge, started once per execution environment (so that a SnapStart snapshot holds "
            + "them) and reused while it stays warm. The stores and the queue bridge come from the environment "
            + "(PURISTA_STATE_STORE, PURISTA_QUEUE_BRIDGE, ...), in memory when unset; traces and metrics go over "
            + "OTLP when the OTEL_* variables ask for it, flushed after each invocation.\nSet the function's "
            + "handler to this class.\n"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PUBLIC).addCode(function.build()).build())
        .build();
    return List.of(JavaSources.regenerated(ProjectLayout.targetSource(target(), name), name, type));
  }

  @Override
  public List<ProposedFile> build(ProjectLayout layout, ProjectModel model, TargetModel target,
      TemplateRenderer renderer) {
    return List.of(
        TemplateFiles.render(renderer, "targets/lambda-pom.xml", model, TemplateFiles.projectVariables(model)),
        DeployFiles.sam(renderer, model, layout.lambdaHandler()),
        DeployFiles.lambdaImage(renderer, model, layout.lambdaHandler()));
  }
}
