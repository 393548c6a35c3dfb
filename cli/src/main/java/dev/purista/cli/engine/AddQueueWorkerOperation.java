package dev.purista.cli.engine;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.generate.ProjectLayout;
import dev.purista.cli.generate.QueueWorkerSkeleton;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.QueueModel;
import dev.purista.cli.model.QueueWorkerModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.naming.NameRules;
import java.util.List;

/**
 * Adds a queue worker: handler and test (user-owned), and the regenerated wiring that registers it. The queue
 * may be declared by any service of the project: in the runtime a worker names its queue's definition, and the
 * service that runs the worker declares that queue itself, so a mail service can work the queue a shop enqueues
 * to. The worker's handler then reads the declaring service's job record.
 */
final class AddQueueWorkerOperation {
  private AddQueueWorkerOperation() {
  }

  static ProjectChange change(ProjectModel model, AddQueueWorkerRequest request) {
    String name = NameRules.queueWorkerName(request.name());
    ServiceModel service = ServiceResolver.resolve(model, request.service(), request.serviceVersion());
    service.functionClashingWith(name).ifPresent(existing -> {
      throw new BadInputException("service " + service.label() + " already has a command, subscription or queue "
          + "worker named '" + existing + "'", "choose another name, or see 'purista list'");
    });
    if (request.queue() == null) {
      throw new BadInputException("--queue is required", "name the queue to work, such as --queue welcomeMail");
    }
    String queue = NameRules.queueName(request.queue());
    ServiceModel owner = model.queueOwner(queue).orElseThrow(() -> unknownQueue(model, queue));
    QueueWorkerModel worker = new QueueWorkerModel(name, NameRules.description(request.description()), queue);
    ServiceModel updated = service.withQueueWorker(worker);
    ProjectModel after = model.withServiceReplaced(updated);

    ProjectLayout layout = new ProjectLayout(model.project().basePackage());
    List<String> notes = owner.equals(service) ? List.of() : List.of("the worker reads the job record of service "
        + owner.label() + ", which declares queue '" + queue + "'");
    return new ProjectChange(after, QueueWorkerSkeleton.files(layout, after, updated, worker),
        ProjectLayout.mainSource(layout.queueWorkerHandler(updated, worker)), notes);
  }

  private static BadInputException unknownQueue(ProjectModel model, String queue) {
    List<String> known = model.services().stream()
        .flatMap(s -> s.queues().stream().map(QueueModel::name))
        .toList();
    String which = known.isEmpty()
        ? "the project has no queues yet"
        : "its queues are " + String.join(", ", known);
    return new BadInputException("unknown queue '" + queue + "'; " + which,
        "add it with 'purista add queue " + queue + " --service S', or see 'purista list'");
  }
}
