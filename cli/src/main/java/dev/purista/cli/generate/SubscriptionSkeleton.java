package dev.purista.cli.generate;

import com.palantir.javapoet.CodeBlock;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import dev.purista.cli.plan.ProposedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The user-owned files of a new subscription: handler, its own payload record when it does not reuse the
 * producer's type, an output record when it emits, and a passing test.
 */
public final class SubscriptionSkeleton {
  private SubscriptionSkeleton() {
  }

  public static List<ProposedFile> files(ProjectLayout layout, ServiceModel service, SubscriptionModel subscription,
      CodeBlock samplePayload) {
    List<ProposedFile> files = new ArrayList<>();
    files.add(SubscriptionHandlerEmitter.emit(layout, service, subscription));
    if (subscription.payloadType().equals(layout.subscriptionPayload(service, subscription.name()).canonicalName())) {
      files.add(RecordEmitter.emit(layout.subscriptionPayload(service, subscription.name()), List.of(),
          "The payload of the event {@code " + subscription.event() + "} as subscription {@code "
              + subscription.name() + "} reads it.\n\n<p>Add components for the fields it needs; fields the "
              + "sender adds beyond them are ignored.\n"));
    }
    subscription.emitsEvent().ifPresent(event -> files.add(RecordEmitter.emit(
        layout.subscriptionOutput(service, subscription), List.of(),
        "The output of subscription {@code " + subscription.name() + "}, emitted as the event {@code " + event
            + "}.\n")));
    files.add(SubscriptionTestEmitter.emit(layout, service, subscription, samplePayload));
    return files;
  }
}
