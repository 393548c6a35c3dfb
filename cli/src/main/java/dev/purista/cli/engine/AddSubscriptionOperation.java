package dev.purista.cli.engine;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.generate.EventPayloadTypes;
import dev.purista.cli.generate.ProjectLayout;
import dev.purista.cli.generate.SubscriptionSkeleton;
import dev.purista.cli.model.EventCatalog;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import dev.purista.cli.naming.NameRules;
import dev.purista.cli.plan.Output;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Adds a subscription: handler, payload and output records and test (user-owned), and the regenerated wiring
 * that registers it. The payload type follows {@link EventPayloadTypes}.
 */
final class AddSubscriptionOperation {
  private AddSubscriptionOperation() {
  }

  static ProjectChange change(ProjectModel model, AddSubscriptionRequest request, Output current)
      throws IOException {
    String name = NameRules.subscriptionName(request.name());
    ServiceModel service = ServiceResolver.resolve(model, request.service(), request.serviceVersion());
    service.functionClashingWith(name).ifPresent(existing -> {
      throw new BadInputException("service " + service.label() + " already has a command or subscription named '"
          + existing + "'", "choose another name, or see 'purista list'");
    });
    if (request.event() == null) {
      throw new BadInputException("--event is required", "name the event to react to, such as --event user.signedUp");
    }
    String event = EventNames.check(model, request.event());
    String emits = request.emits() == null ? null : EventNames.check(model, request.emits());
    if (event.equals(emits)) {
      throw new BadInputException("subscription " + name + " would emit the event it reacts to, and so call "
          + "itself forever", "emit another event");
    }

    ProjectLayout layout = new ProjectLayout(model.project().basePackage());
    ClassName payloadType = EventPayloadTypes.choose(layout, model, service, name, event);
    SubscriptionModel subscription = new SubscriptionModel(name, NameRules.description(request.description()),
        event, emits, payloadType.canonicalName());
    ServiceModel updated = service.withSubscription(subscription);

    List<String> notes = new ArrayList<>();
    if (EventCatalog.of(model).event(event).map(e -> e.producers().isEmpty()).orElse(true)) {
      notes.add("nothing in this project emits '" + event + "' yet; the subscription waits for it from outside");
    }
    CodeBlock sample = samplePayload(layout, updated, subscription, payloadType, current);
    return new ProjectChange(model.withServiceReplaced(updated),
        SubscriptionSkeleton.files(layout, updated, subscription, sample),
        ProjectLayout.mainSource(layout.subscriptionHandler(updated, subscription)), notes);
  }

  /**
   * How the generated test builds the delivered payload. A record the test can construct with no arguments
   * gets {@code new X()}; a producer record the user already gave components gets an empty map, which the
   * harness binds like the JSON a producer sends, so the test compiles whatever the record looks like now.
   */
  private static CodeBlock samplePayload(ProjectLayout layout, ServiceModel service, SubscriptionModel subscription,
      ClassName payloadType, Output current) throws IOException {
    if (payloadType.equals(layout.subscriptionPayload(service, subscription.name()))) {
      return CodeBlock.of("new $T()", payloadType);
    }
    Optional<String> source = current.read(ProjectLayout.mainSource(payloadType));
    Pattern emptyRecord = Pattern.compile("\\brecord\\s+" + Pattern.quote(payloadType.simpleName()) + "\\s*\\(\\s*\\)");
    if (source.isPresent() && emptyRecord.matcher(source.get()).find()) {
      return CodeBlock.of("new $T()", payloadType);
    }
    return CodeBlock.of("$T.of()", Map.class);
  }
}
