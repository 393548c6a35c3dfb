package dev.purista.cli.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.TargetKind;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Emits the microservice module: one {@code <Service>V<N>Main} per service version the target includes, each
 * running only its own service with HTTP for health and its own exposed commands, and {@code GatewayMain}, which
 * runs no service and serves every exposed route of the project, invoking across the bridge. The bridge is the
 * one {@code PURISTA_EVENT_BRIDGE} names, else the target's default. One shaded jar holds every main.
 */
final class MicroserviceBootstrapEmitter implements BootstrapEmitter {

  @Override
  public String target() {
    return TargetKind.MICROSERVICE.targetName();
  }

  @Override
  public List<ProposedFile> code(ProjectLayout layout, ProjectModel model, TargetModel target,
      TemplateRenderer renderer) {
    List<ProposedFile> files = new ArrayList<>();
    CodeBlock bridge = BootstrapCode.bridgeFromEnvironment(target.bridge());
    for (ServiceModel service : model.services()) {
      if (!target.includes(service)) {
        continue;
      }
      ClassName name = layout.microserviceMain(service);
      String javadoc = "Runs the service " + service.name() + " version " + service.version() + " alone, on the "
          + "event bridge PURISTA_EVENT_BRIDGE names (default " + target.bridge() + "): one process of the "
          + "microservice target.\nStart as many as the load needs; they share the commands. HTTP on "
          + "PURISTA_HTTP_PORT serves health (/healthz/live, /healthz/ready) and this service's exposed commands.\n"
          + "It stops gracefully on SIGTERM: not ready, work in flight finishes, then the bridge closes.\n";
      files.add(JavaSources.regenerated(ProjectLayout.targetSource(target(), name), name,
          BootstrapCode.mainClass(name, javadoc, BootstrapCode.runApplication(layout, bridge, List.of(service),
              BootstrapCode.httpFromEnvironment()))));
    }
    files.add(gateway(layout, model, target, bridge));
    files.addAll(DeployFiles.microservice(renderer, model, target, layout));
    return files;
  }

  @Override
  public List<ProposedFile> build(ProjectLayout layout, ProjectModel model, TargetModel target,
      TemplateRenderer renderer) {
    Map<String, Object> variables = TemplateFiles.projectVariables(model);
    variables.put("bridge", target.bridge());
    return List.of(TemplateFiles.render(renderer, "targets/microservice-pom.xml", model, variables),
        DeployFiles.dockerfile(renderer, model, target(), layout.gatewayMain()));
  }

  private ProposedFile gateway(ProjectLayout layout, ProjectModel model, TargetModel target, CodeBlock bridge) {
    ClassName name = layout.gatewayMain();
    CodeBlock.Builder definitions = CodeBlock.builder();
    for (int i = 0; i < model.services().size(); i++) {
      definitions.add(i == 0 ? "$T.DEFINITION" : ",\n$T.DEFINITION", layout.serviceClass(model.services().get(i)));
    }
    CodeBlock http = CodeBlock.builder()
        .add("$T.of($T.fromEnvironment(System.getenv()).build(), $T.of(", RuntimeTypes.HTTP_SERVER,
            RuntimeTypes.HTTP_SETTINGS, List.class)
        .add("$>$>\n$L))$<$<", definitions.build())
        .build();
    String javadoc = "The HTTP gateway of the microservice target: serves every HTTP-exposed command of the "
        + "project on PURISTA_HTTP_PORT and invokes it across the event bridge PURISTA_EVENT_BRIDGE names "
        + "(default " + target.bridge() + ").\nIt runs no service itself; its route table is fixed here, at "
        + "generation, since the project is one codebase.\n";
    return JavaSources.regenerated(ProjectLayout.targetSource(target(), name), name,
        BootstrapCode.mainClass(name, javadoc, BootstrapCode.runApplication(layout, bridge, List.of(), http)));
  }
}
