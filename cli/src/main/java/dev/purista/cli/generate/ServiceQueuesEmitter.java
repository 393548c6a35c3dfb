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
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.model.QueueModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.naming.CaseFormat;
import dev.purista.cli.plan.ProposedFile;
import java.util.Objects;
import java.util.Optional;

/**
 * Emits the queues of one service version ({@code EmailV1Queues}): one {@code QueueDefinition} constant per queue,
 * which the service's wiring declares and workers of any service work, and typed methods that enqueue a job
 * without naming the queue by a string. Only services that declare queues get one.
 *
 * <p>Why a class of its own rather than methods on the service's client: the client calls commands of another
 * service through the bridge, while a job is enqueued by the service that declares the queue, through its own
 * handler's {@code Queues}; one class per service keeps the two apart, as the runtime does.
 */
final class ServiceQueuesEmitter {
  private ServiceQueuesEmitter() {
  }

  static ProposedFile emit(ProjectLayout layout, ServiceModel service) {
    ClassName name = layout.queuesClass(service);
    String example = service.queues().get(0).name();
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc("The queues of service $L: their definitions, and methods that enqueue their jobs.\n\n"
            + "<p>In a handler of this service: {@code new $L(context.queues()).$L(job)}.\nA job is bound to its "
            + "record and validated before it is enqueued; an invalid one is\nrefused with a 400 "
            + "{@code HandledError}. Workers of any service work a queue through its\ndefinition, such as "
            + "{@link #$L}.\n", service.label(), name.simpleName(), ProjectLayout.enqueueMethod(example),
            CaseFormat.constant(example));
    for (QueueModel queue : service.queues()) {
      type.addField(definition(layout, service, queue));
    }
    type.addField(RuntimeTypes.QUEUES, "queues", PRIVATE, FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(PUBLIC)
            .addJavadoc("@param queues the {@code queues()} of a handler's context of service $L\n", service.label())
            .addParameter(RuntimeTypes.QUEUES, "queues")
            .addStatement("this.queues = $T.requireNonNull(queues, $S)", Objects.class, "queues")
            .build());
    for (QueueModel queue : service.queues()) {
      addMethods(type, layout.queueJob(service, queue), queue);
    }
    return JavaSources.regenerated(name, type.build());
  }

  private static FieldSpec definition(ProjectLayout layout, ServiceModel service, QueueModel queue) {
    ClassName job = layout.queueJob(service, queue);
    CodeBlock.Builder init = CodeBlock.builder()
        .add("\n$>$>$T.builder($S, $T.class)", RuntimeTypes.QUEUE_DEFINITION, queue.name(), job)
        .add("$>$>");
    if (!queue.description().isEmpty()) {
      init.add("\n.description($S)", queue.description());
    }
    queue.maxAttemptsSetting().ifPresent(attempts -> init.add("\n.maxAttempts($L)", attempts));
    init.add("\n.build()$<$<$<$<");
    return FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.QUEUE_DEFINITION, job),
            CaseFormat.constant(queue.name()), PUBLIC, STATIC, FINAL)
        .addJavadoc("Queue {@code $L}$L\n", queue.name(), ServiceDefinitionEmitter.sentence(queue.description()))
        .initializer(init.build())
        .build();
  }

  private static void addMethods(TypeSpec.Builder type, ClassName job, QueueModel queue) {
    String constant = CaseFormat.constant(queue.name());
    String enqueue = ProjectLayout.enqueueMethod(queue.name());
    type.addMethod(MethodSpec.methodBuilder(enqueue)
        .addModifiers(PUBLIC)
        .addJavadoc("Enqueues {@code job} on queue {@code $L} to run as soon as a worker is free; returns its id.\n",
            queue.name())
        .returns(String.class)
        .addParameter(job, "job")
        .addStatement("return queues.enqueue($N.name(), job)", constant)
        .build());
    type.addMethod(MethodSpec.methodBuilder(enqueue)
        .addModifiers(PUBLIC)
        .addJavadoc("Enqueues {@code job} on queue {@code $L} with a delay, a start time or an idempotency key;\n"
            + "returns its id, which for a repeated idempotency key is the first job's.\n", queue.name())
        .returns(String.class)
        .addParameter(job, "job")
        .addParameter(RuntimeTypes.ENQUEUE_OPTIONS, "options")
        .addStatement("return queues.enqueue($N.name(), job, options)", constant)
        .build());
    type.addMethod(MethodSpec.methodBuilder(queue.name() + "State")
        .addModifiers(PUBLIC)
        .addJavadoc("The state of job {@code jobId} of queue {@code $L}; empty when unknown or forgotten.\n",
            queue.name())
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), RuntimeTypes.JOB_STATE))
        .addParameter(String.class, "jobId")
        .addStatement("return queues.state($N.name(), jobId)", constant)
        .build());
  }
}
