package dev.purista.cli.generate;

import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.TargetKind;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Renders {@code targets/README.md}: for each target of the model, the exact commands that build, run and deploy
 * it, with the real names of its main classes, artifacts and deployment files, and the environment variables its
 * processes read. It is regenerated, unlike the project's own README, so that it names the services and targets
 * of today rather than those of the day the project was created.
 *
 * <p>Each target is a list of one map when the project has it and an empty list when not, so that the template
 * shows exactly the sections of the targets there are.
 */
final class TargetsReadme {
  static final String TEMPLATE = "targets/README.md";

  /** The gateway listens where the other targets do; the services of a local run get the ports after it. */
  private static final int FIRST_SERVICE_PORT = DeployFiles.HTTP_PORT + 1;

  private TargetsReadme() {
  }

  static ProposedFile render(TemplateRenderer renderer, ProjectModel model, ProjectLayout layout) {
    return TemplateFiles.render(renderer, TEMPLATE, model, inputs(model, layout));
  }

  /**
   * The template's variables, which are all the file is made from: a change that leaves them equal, such as a
   * new service in a project without the microservice target, does not render it again.
   */
  static Map<String, Object> inputs(ProjectModel model, ProjectLayout layout) {
    Map<String, Object> variables = TemplateFiles.projectVariables(model);
    variables.put("targetList", String.join(", ", TargetsAggregator.inputs(model)));
    variables.put("hasTargets", !model.targets().isEmpty());
    variables.put("httpPort", DeployFiles.HTTP_PORT);
    variables.put("monolith", section(model, TargetModel.MONOLITH, target -> Map.of(
        "mainClass", layout.monolithMain().canonicalName())));
    variables.put("microservice", section(model, TargetKind.MICROSERVICE.targetName(),
        target -> microservice(model, target, layout)));
    variables.put("lambda", section(model, TargetKind.LAMBDA.targetName(), target -> Map.of(
        "handlerClass", layout.lambdaHandler().canonicalName())));
    variables.put("edge", section(model, TargetKind.EDGE.targetName(), target -> Map.of(
        "bridge", target.bridge(), "mainClass", layout.edgeMain().canonicalName())));
    return variables;
  }

  private static List<Map<String, Object>> section(ProjectModel model, String name,
      Function<TargetModel, Map<String, Object>> variables) {
    Optional<TargetModel> target = model.targets().stream().filter(t -> t.name().equals(name)).findFirst();
    return target.map(t -> List.of(variables.apply(t))).orElse(List.of());
  }

  private static Map<String, Object> microservice(ProjectModel model, TargetModel target, ProjectLayout layout) {
    DeployFiles.Broker broker = DeployFiles.Broker.of(target.bridge());
    List<Map<String, Object>> services = new ArrayList<>();
    for (ServiceModel service : model.services()) {
      if (target.includes(service)) {
        services.add(Map.of("mainClass", layout.microserviceMain(service).canonicalName(),
            "slug", DeployFiles.slug(service), "port", FIRST_SERVICE_PORT + services.size()));
      }
    }
    Map<String, Object> variables = new TreeMap<>();
    variables.put("bridge", target.bridge());
    variables.put("brokerVariable", broker.variable());
    variables.put("localBrokerUrl", broker.localUrl());
    variables.put("brokerUrl", broker.url());
    variables.put("services", services);
    variables.put("gatewayClass", layout.gatewayMain().canonicalName());
    return variables;
  }
}
