package dev.purista.cli.generate;

import com.palantir.javapoet.ClassName;

/** The purista runtime, testkit and JUnit types generated code refers to. */
final class RuntimeTypes {
  private static final String CORE = "dev.purista.core";
  private static final String TESTKIT = "dev.purista.testkit";
  private static final String JUPITER = "org.junit.jupiter.api";

  static final ClassName COMMAND_DEFINITION = ClassName.get(CORE, "CommandDefinition");
  static final ClassName SUBSCRIPTION_DEFINITION = ClassName.get(CORE, "SubscriptionDefinition");
  static final ClassName SERVICE_DEFINITION = ClassName.get(CORE, "ServiceDefinition");
  static final ClassName COMMAND_HANDLER = ClassName.get(CORE, "CommandHandler");
  static final ClassName COMMAND_CONTEXT = ClassName.get(CORE, "CommandContext");
  static final ClassName SUBSCRIPTION_HANDLER = ClassName.get(CORE, "SubscriptionHandler");
  static final ClassName SUBSCRIPTION_CONTEXT = ClassName.get(CORE, "SubscriptionContext");
  static final ClassName QUEUE_DEFINITION = ClassName.get(CORE, "QueueDefinition");
  static final ClassName QUEUE_WORKER_DEFINITION = ClassName.get(CORE, "QueueWorkerDefinition");
  static final ClassName QUEUE_JOB_HANDLER = ClassName.get(CORE, "QueueJobHandler");
  static final ClassName QUEUE_JOB_CONTEXT = ClassName.get(CORE, "QueueJobContext");
  static final ClassName QUEUES = ClassName.get(CORE, "Queues");
  static final ClassName ENQUEUE_OPTIONS = ClassName.get(CORE, "EnqueueOptions");
  static final ClassName JOB_STATE = ClassName.get(CORE, "JobState");
  static final ClassName NEW_JOB = ClassName.get(CORE + ".queue.spi", "NewJob");
  static final ClassName DEFAULT_QUEUE_BRIDGE = ClassName.get(CORE + ".queue.memory", "DefaultQueueBridge");
  static final ClassName COMMAND_INVOKER = ClassName.get(CORE, "CommandInvoker");
  static final ClassName HTTP_METHOD = ClassName.get(CORE, "HttpMethod");
  static final ClassName HTTP_ACCESS = ClassName.get(CORE, "HttpAccess");
  static final ClassName MESSAGE_ADDRESS = ClassName.get(CORE + ".message", "MessageAddress");
  static final ClassName APPLICATION = ClassName.get(CORE + ".lifecycle", "Application");
  static final ClassName DEFAULT_EVENT_BRIDGE = ClassName.get(CORE + ".bridge", "DefaultEventBridge");
  static final ClassName ENVIRONMENT_BRIDGES = ClassName.get(CORE + ".bridge", "EnvironmentBridges");
  static final ClassName HTTP_SERVER = ClassName.get("dev.purista.http", "HttpServer");
  static final ClassName OPEN_TELEMETRY_SETUP = ClassName.get("dev.purista.opentelemetry", "OpenTelemetrySetup");
  static final ClassName HTTP_SETTINGS = ClassName.get("dev.purista.http", "HttpSettings");
  static final ClassName HTTP_SERVER_KIND = ClassName.get("dev.purista.http", "ServerKind");
  static final ClassName LAMBDA_FUNCTION = ClassName.get("dev.purista.lambda", "LambdaFunction");
  static final ClassName PURISTA_LAMBDA_HANDLER = ClassName.get("dev.purista.lambda", "PuristaLambdaHandler");
  static final ClassName CLASS_DATA_TRAINING = ClassName.get("dev.purista.lambda", "ClassDataTraining");

  static final ClassName COMMAND_HARNESS = ClassName.get(TESTKIT, "CommandHarness");
  static final ClassName COMMAND_OUTCOME = ClassName.get(TESTKIT, "CommandOutcome");
  static final ClassName SUBSCRIPTION_HARNESS = ClassName.get(TESTKIT, "SubscriptionHarness");
  static final ClassName SUBSCRIPTION_OUTCOME = ClassName.get(TESTKIT, "SubscriptionOutcome");

  static final ClassName TEST = ClassName.get(JUPITER, "Test");
  static final ClassName ASSERTIONS = ClassName.get(JUPITER, "Assertions");

  private RuntimeTypes() {
  }
}
