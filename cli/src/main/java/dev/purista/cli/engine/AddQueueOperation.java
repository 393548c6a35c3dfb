package dev.purista.cli.engine;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.generate.ProjectLayout;
import dev.purista.cli.generate.QueueSkeleton;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.QueueModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.naming.NameRules;
import java.util.List;

/**
 * Adds a queue: its job record (user-owned), and the regenerated queues class and wiring that declare it. The
 * project's queue names are unique (see {@link QueueModel} for why).
 */
final class AddQueueOperation {
  private AddQueueOperation() {
  }

  static ProjectChange change(ProjectModel model, AddQueueRequest request) {
    String name = NameRules.queueName(request.name());
    ServiceModel service = ServiceResolver.resolve(model, request.service(), request.serviceVersion());
    model.queueClashingWith(name).ifPresent(existing -> {
      ServiceModel owner = model.queueOwner(existing.name()).orElseThrow();
      throw new BadInputException("the project already has a queue named '" + existing.name() + "', in service "
          + owner.label() + "; queue names are unique in a project, because a queue bridge keeps jobs by queue "
          + "name", "choose another name, or add a worker to it with 'purista add queue-worker NAME --service S "
          + "--queue " + existing.name() + "'");
    });
    Integer maxAttempts = request.maxAttempts() == null ? null : NameRules.maxAttempts(request.maxAttempts());
    QueueModel queue = new QueueModel(name, NameRules.description(request.description()), maxAttempts);
    ServiceModel updated = service.withQueue(queue);

    ProjectLayout layout = new ProjectLayout(model.project().basePackage());
    return new ProjectChange(model.withServiceReplaced(updated), QueueSkeleton.files(layout, updated, queue),
        ProjectLayout.mainSource(layout.queueJob(updated, queue)), List.of());
  }
}
