package dev.purista.cli.generate;

import com.palantir.javapoet.ClassName;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.TargetModel;
import dev.purista.cli.plan.ProposedFile;
import dev.purista.cli.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deployment files under {@code deploy/}, rendered from the {@code deploy/...} templates. They are regenerated
 * files, since they name main classes, services and jars that change with the model; a team that changes them
 * (Kubernetes resources, say) overrides the template in {@code .purista/templates/deploy/}, so that its change
 * survives regeneration and reaches the services added later too.
 */
final class DeployFiles {
  /** The port every generated process listens on, purista-http's default, set explicitly in each file. */
  static final int HTTP_PORT = 8080;

  private DeployFiles() {
  }

  /** {@code deploy/docker/<target>.Dockerfile}, whose default command is {@code mainClass}. */
  static ProposedFile dockerfile(TemplateRenderer renderer, ProjectModel model, String target, ClassName mainClass) {
    Map<String, Object> variables = TemplateFiles.projectVariables(model);
    variables.put("target", target);
    variables.put("httpPort", HTTP_PORT);
    variables.put("mainClass", mainClass.canonicalName());
    return TemplateFiles.render(renderer, "deploy/docker/Dockerfile", model, variables);
  }

  /** {@code deploy/compose.yaml} and one {@code deploy/k8s/<slug>.yaml} per process of the microservice target. */
  static List<ProposedFile> microservice(TemplateRenderer renderer, ProjectModel model, TargetModel target,
      ProjectLayout layout) {
    Broker broker = Broker.of(target.bridge());
    Map<String, Object> common = TemplateFiles.projectVariables(model);
    common.put("bridge", target.bridge());
    common.put("httpPort", HTTP_PORT);
    common.put("brokerVariable", broker.variable());
    common.put("brokerUrl", broker.url());
    List<Map<String, Object>> processes = new ArrayList<>();
    for (ServiceModel service : model.services()) {
      if (target.includes(service)) {
        processes.add(Map.of("slug", slug(service), "mainClass", layout.microserviceMain(service).canonicalName()));
      }
    }
    Map<String, Object> compose = new TreeMap<>(common);
    compose.put("brokerImage", broker.image());
    compose.put("brokerCommand", broker.command());
    compose.put("services", processes);
    compose.put("gatewayClass", layout.gatewayMain().canonicalName());
    List<ProposedFile> files = new ArrayList<>();
    files.add(TemplateFiles.render(renderer, "deploy/compose.yaml", model, compose));
    List<Map<String, Object>> withGateway = new ArrayList<>(processes);
    withGateway.add(Map.of("slug", "gateway", "mainClass", layout.gatewayMain().canonicalName()));
    for (Map<String, Object> process : withGateway) {
      Map<String, Object> variables = new TreeMap<>(common);
      variables.putAll(process);
      files.add(TemplateFiles.render(renderer, "deploy/k8s/service.yaml", model, variables));
    }
    return files;
  }

  /** {@code deploy/lambda/template.yaml}, the SAM application of the function. */
  static ProposedFile sam(TemplateRenderer renderer, ProjectModel model, ClassName handler) {
    Map<String, Object> variables = TemplateFiles.projectVariables(model);
    variables.put("handlerClass", handler.canonicalName());
    return TemplateFiles.render(renderer, "deploy/lambda/template.yaml", model, variables);
  }

  /**
   * {@code deploy/lambda/Dockerfile}, the function as a container image whose build writes a class-data archive
   * with purista-lambda's training run.
   */
  static ProposedFile lambdaImage(TemplateRenderer renderer, ProjectModel model, ClassName handler) {
    Map<String, Object> variables = TemplateFiles.projectVariables(model);
    variables.put("handlerClass", handler.canonicalName());
    variables.put("trainingClass", RuntimeTypes.CLASS_DATA_TRAINING.canonicalName());
    return TemplateFiles.render(renderer, "deploy/lambda/Dockerfile", model, variables);
  }

  /** {@code user-v1}: a name Kubernetes and Compose accept (lower case, digits, dashes). */
  static String slug(ServiceModel service) {
    return service.name().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT) + "-v"
        + service.version();
  }

  /**
   * The broker container of a bridge and the variable that points a process at it: {@code url} reaches the
   * broker container of {@code compose.yaml}, {@code localUrl} a broker with its default settings on this machine.
   */
  record Broker(String image, String command, String variable, String url, String localUrl) {
    static Broker of(String bridge) {
      return switch (bridge) {
        case "nats" -> new Broker("nats:2.10-alpine", "[\"-js\"]", "PURISTA_NATS_URL", "nats://broker:4222",
            "nats://localhost:4222");
        case "mqtt" -> new Broker("eclipse-mosquitto:2", "[\"mosquitto\", \"-c\", \"/mosquitto-no-auth.conf\"]",
            "PURISTA_MQTT_URL", "tcp://broker:1883", "tcp://localhost:1883");
        default -> new Broker("rabbitmq:3.13-alpine", "", "PURISTA_AMQP_URL", "amqp://guest:guest@broker:5672",
            "amqp://guest:guest@localhost:5672");
      };
    }
  }
}
