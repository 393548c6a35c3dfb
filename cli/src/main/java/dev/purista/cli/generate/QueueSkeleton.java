package dev.purista.cli.generate;

import dev.purista.cli.model.QueueModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.plan.ProposedFile;
import java.util.List;

/** The user-owned file of a new queue: its job record. */
public final class QueueSkeleton {
  private QueueSkeleton() {
  }

  public static List<ProposedFile> files(ProjectLayout layout, ServiceModel service, QueueModel queue) {
    return List.of(RecordEmitter.emit(layout.queueJob(service, queue), List.of(),
        "A job of queue {@code " + queue.name() + "} of service " + service.label()
            + ServiceDefinitionEmitter.sentence(queue.description()) + "\n\n<p>Add components for what a worker "
            + "needs to do the job, with Jakarta Bean Validation constraints\nsuch as {@code @NotBlank}; an "
            + "invalid job is refused when it is enqueued. Jobs wait in the\nqueue as JSON, so keep the record "
            + "readable by the workers still running when you change it.\n"));
  }
}
