package dev.purista.cli.generate;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.QueueWorkerModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.plan.ProposedFile;
import java.util.List;

/** The user-owned files of a new queue worker: its handler and a passing test. */
public final class QueueWorkerSkeleton {
  private QueueWorkerSkeleton() {
  }

  public static List<ProposedFile> files(ProjectLayout layout, ProjectModel model, ServiceModel service,
      QueueWorkerModel worker) {
    WorkedQueue queue = WorkedQueue.of(model, worker);
    return List.of(handler(layout, service, worker, queue), QueueWorkerTestEmitter.emit(layout, service, worker,
        queue));
  }

  private static ProposedFile handler(ProjectLayout layout, ServiceModel service, QueueWorkerModel worker,
      WorkedQueue queue) {
    ClassName name = layout.queueWorkerHandler(service, worker);
    ClassName job = queue.job(layout);
    MethodSpec handle = MethodSpec.methodBuilder("handle")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .addParameter(RuntimeTypes.QUEUE_JOB_CONTEXT, "context")
        .addParameter(job, "job")
        .addComment("Business logic goes here. Returning completes the job; a thrown exception fails the")
        .addComment("attempt, which runs again after a backoff. A job whose worker died runs again too, so")
        .addComment("make what it does safe to repeat.")
        .build();
    TypeSpec type = TypeSpec.classBuilder(name)
        .addModifiers(PUBLIC, FINAL)
        .addJavadoc("Works the jobs of queue {@code $L} in service $L$L\n\n<p>After the queue's last attempt a "
            + "failing job is dead-lettered; {@code context.retryAfter}\nand {@code context.moveToDeadLetter} choose "
            + "the outcome explicitly.\n", worker.queue(), service.label(),
            ServiceDefinitionEmitter.sentence(worker.description()))
        .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.QUEUE_JOB_HANDLER, job))
        .addMethod(handle)
        .build();
    return JavaSources.userOwned(name, type);
  }
}
