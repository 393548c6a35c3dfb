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
import java.util.List;

/** What the bootstraps of the runnable targets share: a {@code main} that runs an application until SIGTERM. */
final class BootstrapCode {
  private BootstrapCode() {
  }

  /** Each service's name and version, in order: what the bootstraps' class names and service lists come from. */
  static List<String> serviceKeys(ProjectModel model) {
    return model.services().stream().map(s -> s.name() + " " + s.version()).toList();
  }

  /** {@code EnvironmentBridges.fromEnvironment().eventBridge("amqp")}: the bridge PURISTA_EVENT_BRIDGE names. */
  static CodeBlock bridgeFromEnvironment(String defaultKind) {
    return CodeBlock.of("$T.fromEnvironment().eventBridge($S)", RuntimeTypes.ENVIRONMENT_BRIDGES, defaultKind);
  }

  /**
   * {@code Application.builder(bridge).openTelemetry(OpenTelemetrySetup.install()).storesAndQueuesFromEnvironment()
   * .service(...)....component(http).build().runUntilShutdown();}: the stores and the queue bridge come from the
   * environment too, so that the same artifact keeps its state in memory on a laptop and in Redis or NATS in
   * production, and the OpenTelemetry SDK exports over OTLP only when the standard {@code OTEL_*} variables ask
   * for it.
   */
  static CodeBlock runApplication(ProjectLayout layout, CodeBlock bridge, List<ServiceModel> services,
      CodeBlock http) {
    CodeBlock.Builder body = CodeBlock.builder()
        .add("$T.builder($L)", RuntimeTypes.APPLICATION, bridge)
        .add("$>$>")
        .add("\n.openTelemetry($T.install())", RuntimeTypes.OPEN_TELEMETRY_SETUP)
        .add("\n.storesAndQueuesFromEnvironment()");
    for (ServiceModel service : services) {
      body.add("\n.service($T.DEFINITION)", layout.serviceClass(service));
    }
    body.add("\n.component($L)", http);
    body.add("\n.build()\n.runUntilShutdown();\n$<$<");
    return body.build();
  }

  static CodeBlock httpFromEnvironment() {
    return CodeBlock.of("$T.fromEnvironment()", RuntimeTypes.HTTP_SERVER);
  }

  /**
   * {@code HttpServer.of(HttpSettings.fromEnvironment(System.getenv()).server(ServerKind.JDK).build())}: HTTP
   * configured from the environment, on the JDK's own server, whose artifact then needs no Undertow.
   */
  static CodeBlock jdkHttpFromEnvironment() {
    return CodeBlock.of("$T.of($T.fromEnvironment($T.getenv()).server($T.JDK).build())", RuntimeTypes.HTTP_SERVER,
        RuntimeTypes.HTTP_SETTINGS, System.class, RuntimeTypes.HTTP_SERVER_KIND);
  }

  /** A final class with a private constructor and {@code main} running {@code body}. */
  static TypeSpec mainClass(ClassName name, String javadoc, CodeBlock body) {
    return TypeSpec.classBuilder(name)
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc("$L", JavaSources.wrapped(javadoc))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("main")
            .addModifiers(PUBLIC, STATIC)
            .addParameter(String[].class, "args")
            .addCode(body)
            .build())
        .build();
  }
}
