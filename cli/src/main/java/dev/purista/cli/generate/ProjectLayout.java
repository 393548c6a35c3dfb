package dev.purista.cli.generate;

import com.palantir.javapoet.ClassName;
import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import dev.purista.cli.naming.CaseFormat;

/**
 * Where every generated type of a project lives. One place decides the names, so the emitters, the engine and
 * the tests agree on them:
 * <pre>
 * &lt;base&gt;.service.user.v1.UserV1Service / UserV1Client / UserV1Events
 * &lt;base&gt;.service.user.v1.command.signup.SignUpCommand / SignUpPayload / SignUpParameter / SignUpResult
 * &lt;base&gt;.service.email.v1.subscription.sendwelcome.SendWelcomeSubscription / SendWelcomePayload
 *     / SendWelcomeOutput
 * &lt;base&gt;.bootstrap.monolith.MonolithMain                     (targets/monolith)
 * &lt;base&gt;.bootstrap.microservice.UserV1Main / GatewayMain        (targets/microservice)
 * &lt;base&gt;.bootstrap.lambda.LambdaHandler                        (targets/lambda)
 * &lt;base&gt;.bootstrap.edge.EdgeMain                               (targets/edge)
 * </pre>
 *
 * <p>The business code (services, handlers, records, tests) lives in the {@code services} module; each target is
 * a module of its own under {@code targets/}, holding only its bootstrap, so that one copy of the business code
 * serves every target.
 */
public final class ProjectLayout {
  /** The module that holds all business code. */
  public static final String SERVICES_MODULE = "services/";
  public static final String MAIN_SOURCES = SERVICES_MODULE + "src/main/java/";
  public static final String TEST_SOURCES = SERVICES_MODULE + "src/test/java/";
  /** The aggregator of the target modules. */
  public static final String TARGETS_MODULE = "targets/";

  private final String basePackage;

  public ProjectLayout(String basePackage) {
    this.basePackage = basePackage;
  }

  public String basePackage() {
    return basePackage;
  }

  /** The service's event constants, {@code UserV1Events}. */
  public ClassName serviceEvents(ServiceModel service) {
    return ClassName.get(servicePackage(service), typePrefix(service) + "Events");
  }

  public String servicePackage(ServiceModel service) {
    return basePackage + ".service." + CaseFormat.packageSegment(service.name()) + ".v" + service.version();
  }

  public ClassName serviceClass(ServiceModel service) {
    return ClassName.get(servicePackage(service), typePrefix(service) + "Service");
  }

  public ClassName clientClass(ServiceModel service) {
    return ClassName.get(servicePackage(service), typePrefix(service) + "Client");
  }

  public ClassName commandHandler(ServiceModel service, CommandModel command) {
    return commandType(service, command, "Command");
  }

  public ClassName commandPayload(ServiceModel service, CommandModel command) {
    return commandType(service, command, "Payload");
  }

  public ClassName commandParameter(ServiceModel service, CommandModel command) {
    return commandType(service, command, "Parameter");
  }

  public ClassName commandResult(ServiceModel service, CommandModel command) {
    return commandType(service, command, "Result");
  }

  public ClassName commandTest(ServiceModel service, CommandModel command) {
    return commandType(service, command, "CommandTest");
  }

  public ClassName subscriptionHandler(ServiceModel service, SubscriptionModel subscription) {
    return subscriptionType(service, subscription.name(), "Subscription");
  }

  /** The subscription's own payload record, used when the event's producer is not known. */
  public ClassName subscriptionPayload(ServiceModel service, String subscriptionName) {
    return subscriptionType(service, subscriptionName, "Payload");
  }

  public ClassName subscriptionOutput(ServiceModel service, SubscriptionModel subscription) {
    return subscriptionType(service, subscription.name(), "Output");
  }

  public ClassName subscriptionTest(ServiceModel service, SubscriptionModel subscription) {
    return subscriptionType(service, subscription.name(), "SubscriptionTest");
  }

  public ClassName monolithMain() {
    return ClassName.get(bootstrapPackage("monolith"), "MonolithMain");
  }

  /** The main of one service version in the microservice target, {@code UserV1Main}. */
  public ClassName microserviceMain(ServiceModel service) {
    return ClassName.get(bootstrapPackage("microservice"), typePrefix(service) + "Main");
  }

  /** The microservice target's HTTP gateway, which serves every exposed route and invokes across the bridge. */
  public ClassName gatewayMain() {
    return ClassName.get(bootstrapPackage("microservice"), "GatewayMain");
  }

  public ClassName lambdaHandler() {
    return ClassName.get(bootstrapPackage("lambda"), "LambdaHandler");
  }

  public ClassName edgeMain() {
    return ClassName.get(bootstrapPackage("edge"), "EdgeMain");
  }

  private String bootstrapPackage(String target) {
    return basePackage + ".bootstrap." + target;
  }

  /** The directory of a target's module, {@code targets/monolith/}. */
  public static String targetModule(String target) {
    return TARGETS_MODULE + target + "/";
  }

  /** The project-relative path of a main source file of a target's module. */
  public static String targetSource(String target, ClassName type) {
    return targetModule(target) + "src/main/java/" + relativeSourcePath(type);
  }

  /** The constant a command or subscription definition gets in its service class: {@code signUp} → {@code SIGN_UP}. */
  public static String definitionConstant(String functionName) {
    return CaseFormat.constant(functionName);
  }

  /** The project-relative path of a main source file. */
  public static String mainSource(ClassName type) {
    return MAIN_SOURCES + relativeSourcePath(type);
  }

  /** The project-relative path of a test source file. */
  public static String testSource(ClassName type) {
    return TEST_SOURCES + relativeSourcePath(type);
  }

  private static String relativeSourcePath(ClassName type) {
    return type.packageName().replace('.', '/') + "/" + type.topLevelClassName().simpleName() + ".java";
  }

  private static String typePrefix(ServiceModel service) {
    return CaseFormat.pascal(service.name()) + "V" + service.version();
  }

  private ClassName commandType(ServiceModel service, CommandModel command, String suffix) {
    return ClassName.get(servicePackage(service) + ".command." + CaseFormat.packageSegment(command.name()),
        CaseFormat.pascal(command.name()) + suffix);
  }

  private ClassName subscriptionType(ServiceModel service, String subscriptionName, String suffix) {
    return ClassName.get(servicePackage(service) + ".subscription." + CaseFormat.packageSegment(subscriptionName),
        CaseFormat.pascal(subscriptionName) + suffix);
  }
}
