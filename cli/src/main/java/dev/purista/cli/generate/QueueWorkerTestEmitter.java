package dev.purista.cli.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.model.QueueWorkerModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.plan.ProposedFile;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Emits the user-owned test of a queue worker: it runs the worker's service definition, with this worker only,
 * in an {@code Application} on the in-memory event and queue bridges, puts one job into the queue and expects it
 * completed. It passes as generated.
 *
 * <p>The job goes into the queue bridge as JSON, as a handler's enqueue would put it there, because enqueueing
 * through the runtime needs a handler of the declaring service; the JSON comes from the job record, written with
 * the runtime's Jackson configuration, so that the test keeps compiling against the record's current components,
 * or says where it does not.
 */
final class QueueWorkerTestEmitter {
  private static final ClassName JSON_MAPPERS = ClassName.get("dev.purista.core.message", "JsonMappers");
  private static final int OUTCOME_WAIT_SECONDS = 10;

  private QueueWorkerTestEmitter() {
  }

  static ProposedFile emit(ProjectLayout layout, ServiceModel service, QueueWorkerModel worker, WorkedQueue queue) {
    ClassName name = layout.queueWorkerTest(service, worker);
    ClassName serviceClass = layout.serviceClass(service);
    CodeBlock queueName = CodeBlock.of("$L.name()", queue.definition(layout));
    CodeBlock body = CodeBlock.builder()
        .addStatement("$T onlyThisWorker = $T.builder($T.NAME, $T.VERSION)\n.queueWorker($T.$N)\n.build()",
            RuntimeTypes.SERVICE_DEFINITION, RuntimeTypes.SERVICE_DEFINITION, serviceClass, serviceClass,
            serviceClass, ProjectLayout.definitionConstant(worker.name()))
        .addStatement("$T application = $T.builder(new $T())\n.queueBridge(queues)\n.service(onlyThisWorker)"
                + "\n.build()\n.start()", RuntimeTypes.APPLICATION, RuntimeTypes.APPLICATION,
            RuntimeTypes.DEFAULT_EVENT_BRIDGE)
        .beginControlFlow("try")
        .addStatement("byte[] job = $T.standard().writeValueAsBytes(new $T())", JSON_MAPPERS, queue.job(layout))
        .addStatement("String jobId = queues.enqueue($L, new $T(job, null, null, null)).jobId()", queueName,
            RuntimeTypes.NEW_JOB)
        .addStatement("assertEquals($T.of($T.COMPLETED), awaitOutcome(jobId))", Optional.class,
            RuntimeTypes.JOB_STATE)
        .nextControlFlow("finally")
        .addStatement("application.close()")
        .endControlFlow()
        .build();
    TypeSpec type = TypeSpec.classBuilder(name)
        .addField(FieldSpec.builder(RuntimeTypes.DEFAULT_QUEUE_BRIDGE, "queues", PRIVATE, FINAL)
            .initializer("new $T()", RuntimeTypes.DEFAULT_QUEUE_BRIDGE)
            .build())
        .addMethod(MethodSpec.methodBuilder("completesAJob")
            .addAnnotation(RuntimeTypes.TEST)
            .addException(Exception.class)
            .addCode(body)
            .build())
        .addMethod(awaitOutcome(queueName))
        .build();
    return JavaSources.userOwnedTest(name, type, "assertEquals");
  }

  /** Waits while the job is pending or running: a failed attempt shows as {@code FAILED} at once. */
  private static MethodSpec awaitOutcome(CodeBlock queueName) {
    ParameterizedTypeName optionalState = ParameterizedTypeName.get(ClassName.get(Optional.class),
        RuntimeTypes.JOB_STATE);
    return MethodSpec.methodBuilder("awaitOutcome")
        .addJavadoc("The job's state once the worker is done with it, or has failed an attempt; at most $L s.\n",
            OUTCOME_WAIT_SECONDS)
        .addModifiers(PRIVATE)
        .returns(optionalState)
        .addParameter(String.class, "jobId")
        .addException(InterruptedException.class)
        .addStatement("long deadline = System.nanoTime() + $T.SECONDS.toNanos($L)", TimeUnit.class,
            OUTCOME_WAIT_SECONDS)
        .addStatement("$T<$T> unfinished = $T.of($T.PENDING, $T.IN_FLIGHT)", Set.class, RuntimeTypes.JOB_STATE,
            EnumSet.class, RuntimeTypes.JOB_STATE, RuntimeTypes.JOB_STATE)
        .addStatement("$T state = queues.state($L, jobId)", optionalState, queueName)
        .beginControlFlow("while (state.filter(unfinished::contains).isPresent() && System.nanoTime() < deadline)")
        .addStatement("Thread.sleep(10)")
        .addStatement("state = queues.state($L, jobId)", queueName)
        .endControlFlow()
        .addStatement("return state")
        .build();
  }
}
