package dev.purista.cli.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.util.List;
import java.util.Map;

/**
 * Emits the monolith module: {@code MonolithMain}, every service of the project in one process on the in-memory
 * bridge with their HTTP-exposed commands served by purista-http, and a pom that shades it into a runnable jar.
 */
final class MonolithBootstrapEmitter implements BootstrapEmitter {

  @Override
  public String target() {
    return TargetModel.MONOLITH;
  }

  @Override
  public List<ProposedFile> code(ProjectLayout layout, ProjectModel model, TargetModel target,
      TemplateRenderer renderer) {
    ClassName name = layout.monolithMain();
    CodeBlock body = BootstrapCode.runApplication(layout, CodeBlock.of("new $T()", RuntimeTypes.DEFAULT_EVENT_BRIDGE),
        model.services(), BootstrapCode.httpFromEnvironment());
    String javadoc = "Runs every service of the project in one process on the in-memory event bridge: the "
        + "monolith target.\nIts HTTP-exposed commands are served at /api/v{version}/{path}, on the port in "
        + "PURISTA_HTTP_PORT.\nIt stops gracefully on SIGTERM or Ctrl+C: work in flight finishes first.\n";
    return List.of(JavaSources.regenerated(ProjectLayout.targetSource(target(), name), name,
        BootstrapCode.mainClass(name, javadoc, body)));
  }

  @Override
  public List<ProposedFile> build(ProjectLayout layout, ProjectModel model, TargetModel target,
      TemplateRenderer renderer) {
    ClassName name = layout.monolithMain();
    Map<String, Object> variables = TemplateFiles.projectVariables(model);
    variables.put("mainClass", name.canonicalName());
    return List.of(TemplateFiles.render(renderer, "targets/monolith-pom.xml", model, variables),
        DeployFiles.dockerfile(renderer, model, target(), name));
  }
}
