package dev.purista.cli.generate;

import com.palantir.javapoet.ClassName;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.TargetKind;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.util.List;
import java.util.Map;

/**
 * Emits the edge module: {@code EdgeMain}, every service in one small process on MQTT (or in-memory, as
 * {@code PURISTA_EVENT_BRIDGE} says) with HTTP for health; its pom, which shades a runnable jar and builds the
 * self-contained bundle; the bundle script; the small-heap launcher; and the systemd unit.
 */
final class EdgeBootstrapEmitter implements BootstrapEmitter {

  @Override
  public String target() {
    return TargetKind.EDGE.targetName();
  }

  @Override
  public List<ProposedFile> code(ProjectLayout layout, ProjectModel model, TargetModel target,
      TemplateRenderer renderer) {
    ClassName name = layout.edgeMain();
    String javadoc = "Runs every service of the project in one small process: the edge target.\nThe bridge is the "
        + "one PURISTA_EVENT_BRIDGE names, mqtt or memory (default " + target.bridge() + "); HTTP on "
        + "PURISTA_HTTP_PORT serves health and the exposed commands, on the JDK's own HTTP server (lighter than "
        + "Undertow, which the edge jar leaves out).\nStart it with the launcher next to the pom, which sets "
        + "small-heap JVM flags. It stops gracefully on SIGTERM.\n";
    return List.of(JavaSources.regenerated(ProjectLayout.targetSource(target(), name), name,
        BootstrapCode.mainClass(name, javadoc, BootstrapCode.runApplication(layout,
            BootstrapCode.bridgeFromEnvironment(target.bridge()), model.services(),
            BootstrapCode.jdkHttpFromEnvironment()))));
  }

  @Override
  public List<ProposedFile> build(ProjectLayout layout, ProjectModel model, TargetModel target,
      TemplateRenderer renderer) {
    ClassName name = layout.edgeMain();
    Map<String, Object> variables = TemplateFiles.projectVariables(model);
    variables.put("mainClass", name.canonicalName());
    variables.put("httpPort", DeployFiles.HTTP_PORT);
    return List.of(
        TemplateFiles.render(renderer, "targets/edge-pom.xml", model, variables),
        TemplateFiles.render(renderer, "targets/edge-bundle.sh", model, variables),
        TemplateFiles.render(renderer, "targets/edge-launcher", model, variables),
        TemplateFiles.render(renderer, "deploy/edge/service", model, variables),
        DeployFiles.dockerfile(renderer, model, target(), name));
  }
}
