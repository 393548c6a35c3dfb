package dev.purista.cli.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.QueueModel;
import dev.purista.cli.model.QueueWorkerModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.naming.CaseFormat;

/**
 * The queue a worker works and the service that declares it, which may be another service than the worker's:
 * the worker's code refers to that service's job record and queue definition.
 */
public record WorkedQueue(ServiceModel owner, QueueModel queue) {

  /** The queue {@code worker} works; the model's validation guarantees that it exists. */
  public static WorkedQueue of(ProjectModel model, QueueWorkerModel worker) {
    ServiceModel owner = model.queueOwner(worker.queue()).orElseThrow(() -> new IllegalStateException(
        "no service declares queue '" + worker.queue() + "' of worker " + worker.name()));
    QueueModel queue = owner.queues().stream().filter(q -> q.name().equals(worker.queue())).findFirst()
        .orElseThrow();
    return new WorkedQueue(owner, queue);
  }

  public ClassName job(ProjectLayout layout) {
    return layout.queueJob(owner, queue);
  }

  /** {@code EmailV1Queues.WELCOME_MAIL}. */
  public CodeBlock definition(ProjectLayout layout) {
    return CodeBlock.of("$T.$L", layout.queuesClass(owner), CaseFormat.constant(queue.name()));
  }
}
