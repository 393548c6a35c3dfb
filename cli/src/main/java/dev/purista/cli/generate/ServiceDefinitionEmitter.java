package dev.purista.cli.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.QueueModel;
import dev.purista.cli.model.QueueWorkerModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import dev.purista.cli.naming.CaseFormat;
import dev.purista.cli.plan.ProposedFile;

/**
 * Emits the wiring of one service version ({@code UserV1Service}): its name and version, one definition
 * constant per command, subscription and queue worker, and {@code DEFINITION}, the service a bootstrap starts,
 * which also declares the service's queues (their definitions live in {@link ServiceQueuesEmitter}'s class).
 */
final class ServiceDefinitionEmitter {
  private ServiceDefinitionEmitter() {
  }

  /** @param model the project, in which a worker finds the queue it works (it may be another service's) */
  static ProposedFile emit(ProjectLayout layout, ProjectModel model, ServiceModel service) {
    ClassName name = layout.serviceClass(service);
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc("Service {@code $L} version $L$L\n\n<p>The wiring only: the handlers live in the {@code command} "
            + "and {@code subscription} packages\nnext to this class. Bootstraps start {@link #DEFINITION}; tests run "
            + "one definition in a harness.\n", service.name(), service.version(), sentence(service.description()))
        .addField(constant(String.class, "NAME", CodeBlock.of("$S", service.name())))
        .addField(constant(String.class, "VERSION", CodeBlock.of("$S", service.version())));

    CodeBlock.Builder definition = CodeBlock.builder()
        .add("$T.builder(NAME, VERSION)", RuntimeTypes.SERVICE_DEFINITION).add("$>$>");
    if (!service.description().isEmpty()) {
      definition.add("\n.description($S)", service.description());
    }
    for (CommandModel command : service.commands()) {
      String constant = ProjectLayout.definitionConstant(command.name());
      type.addField(commandDefinition(layout, service, command, constant));
      definition.add("\n.command($N)", constant);
    }
    for (SubscriptionModel subscription : service.subscriptions()) {
      String constant = ProjectLayout.definitionConstant(subscription.name());
      type.addField(subscriptionDefinition(layout, service, subscription, constant));
      definition.add("\n.subscription($N)", constant);
    }
    for (QueueModel queue : service.queues()) {
      definition.add("\n.queue($T.$L)", layout.queuesClass(service), CaseFormat.constant(queue.name()));
    }
    for (QueueWorkerModel worker : service.queueWorkers()) {
      String constant = ProjectLayout.definitionConstant(worker.name());
      type.addField(workerDefinition(layout, service, worker, WorkedQueue.of(model, worker), constant));
      definition.add("\n.queueWorker($N)", constant);
    }
    definition.add("\n.build()$<$<");
    type.addField(FieldSpec.builder(RuntimeTypes.SERVICE_DEFINITION, "DEFINITION", PUBLIC, STATIC, FINAL)
        .addJavadoc("Service $L with all its commands and subscriptions.\n", service.label())
        .initializer(definition.build())
        .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build());
    return JavaSources.regenerated(name, type.build());
  }

  private static FieldSpec commandDefinition(ProjectLayout layout, ServiceModel service, CommandModel command,
      String constant) {
    ClassName payload = layout.commandPayload(service, command);
    ClassName parameter = layout.commandParameter(service, command);
    ClassName result = layout.commandResult(service, command);
    CodeBlock.Builder init = CodeBlock.builder()
        .add("\n$>$>$T.builder($S, $T.class, $T.class, $T.class)", RuntimeTypes.COMMAND_DEFINITION,
            command.name(), payload, parameter, result)
        .add("$>$>");
    if (!command.description().isEmpty()) {
      init.add("\n.description($S)", command.description());
    }
    command.httpRoute().ifPresent(route -> {
      init.add("\n.http($T.$L, $S", RuntimeTypes.HTTP_METHOD, route.method(), route.path());
      if (route.isPublic()) {
        init.add(", $T.PUBLIC", RuntimeTypes.HTTP_ACCESS);
      }
      init.add(")");
    });
    command.successEventName().ifPresent(event ->
        init.add("\n.successEvent($T.$L)", layout.serviceEvents(service), CaseFormat.constant(event)));
    init.add("\n.handler(new $T())", layout.commandHandler(service, command))
        .add("\n.build()$<$<$<$<");
    TypeName type = ParameterizedTypeName.get(RuntimeTypes.COMMAND_DEFINITION, payload, parameter, result);
    return FieldSpec.builder(type, constant, PUBLIC, STATIC, FINAL)
        .addJavadoc("Command {@code $L}$L\n", command.name(), sentence(command.description()))
        .initializer(init.build())
        .build();
  }

  private static FieldSpec subscriptionDefinition(ProjectLayout layout, ServiceModel service,
      SubscriptionModel subscription, String constant) {
    ClassName payload = ClassName.bestGuess(subscription.payloadType());
    TypeName output = subscription.emitsEvent().isPresent()
        ? layout.subscriptionOutput(service, subscription)
        : ClassName.get(Void.class);
    CodeBlock.Builder init = CodeBlock.builder()
        .add("\n$>$>$T.builder($S, $T.class, $T.class)", RuntimeTypes.SUBSCRIPTION_DEFINITION,
            subscription.name(), payload, output)
        .add("$>$>");
    if (!subscription.description().isEmpty()) {
      init.add("\n.description($S)", subscription.description());
    }
    init.add("\n.event($T.$L)", layout.serviceEvents(service), CaseFormat.constant(subscription.event()));
    subscription.emitsEvent().ifPresent(event ->
        init.add("\n.emits($T.$L)", layout.serviceEvents(service), CaseFormat.constant(event)));
    init.add("\n.handler(new $T())", layout.subscriptionHandler(service, subscription))
        .add("\n.build()$<$<$<$<");
    TypeName type = ParameterizedTypeName.get(RuntimeTypes.SUBSCRIPTION_DEFINITION, payload, output);
    return FieldSpec.builder(type, constant, PUBLIC, STATIC, FINAL)
        .addJavadoc("Subscription {@code $L} to {@code $L}$L\n", subscription.name(), subscription.event(),
            sentence(subscription.description()))
        .initializer(init.build())
        .build();
  }

  private static FieldSpec workerDefinition(ProjectLayout layout, ServiceModel service, QueueWorkerModel worker,
      WorkedQueue queue, String constant) {
    ClassName job = queue.job(layout);
    CodeBlock.Builder init = CodeBlock.builder()
        .add("\n$>$>$T.builder($S, $L)", RuntimeTypes.QUEUE_WORKER_DEFINITION, worker.name(),
            queue.definition(layout))
        .add("$>$>");
    if (!worker.description().isEmpty()) {
      init.add("\n.description($S)", worker.description());
    }
    init.add("\n.handler(new $T())", layout.queueWorkerHandler(service, worker))
        .add("\n.build()$<$<$<$<");
    return FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.QUEUE_WORKER_DEFINITION, job), constant,
            PUBLIC, STATIC, FINAL)
        .addJavadoc("Queue worker {@code $L} on queue {@code $L}$L\n", worker.name(), worker.queue(),
            sentence(worker.description()))
        .initializer(init.build())
        .build();
  }

  private static FieldSpec constant(Class<?> type, String name, CodeBlock value) {
    return FieldSpec.builder(type, name, PUBLIC, STATIC, FINAL).initializer(value).build();
  }

  /** {@code ": Registers a user."}, or {@code "."} without a description. */
  static String sentence(String description) {
    if (description.isEmpty()) {
      return ".";
    }
    String text = JavaSources.javadocText(description);
    return ": " + text + (text.endsWith(".") ? "" : ".");
  }
}
