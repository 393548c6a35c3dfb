package dev.purista.cli.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A service version with its commands, subscriptions, queues and queue workers, in the order they were added
 * (which is also the order of the generated constants).
 */
public record ServiceModel(String name, String version, String description, List<CommandModel> commands,
    List<SubscriptionModel> subscriptions, List<QueueModel> queues, List<QueueWorkerModel> queueWorkers) {

  public ServiceModel {
    commands = List.copyOf(commands == null ? List.of() : commands);
    subscriptions = List.copyOf(subscriptions == null ? List.of() : subscriptions);
    queues = List.copyOf(queues == null ? List.of() : queues);
    queueWorkers = List.copyOf(queueWorkers == null ? List.of() : queueWorkers);
  }

  public static ServiceModel of(String name, String version, String description) {
    return new ServiceModel(name, version, description, List.of(), List.of(), List.of(), List.of());
  }

  /** {@code user v1}, as people read it in messages. */
  public String label() {
    return name + " v" + version;
  }

  public ServiceModel withCommand(CommandModel command) {
    List<CommandModel> all = new ArrayList<>(commands);
    all.add(command);
    return new ServiceModel(name, version, description, all, subscriptions, queues, queueWorkers);
  }

  public ServiceModel withSubscription(SubscriptionModel subscription) {
    List<SubscriptionModel> all = new ArrayList<>(subscriptions);
    all.add(subscription);
    return new ServiceModel(name, version, description, commands, all, queues, queueWorkers);
  }

  public ServiceModel withQueue(QueueModel queue) {
    List<QueueModel> all = new ArrayList<>(queues);
    all.add(queue);
    return new ServiceModel(name, version, description, commands, subscriptions, all, queueWorkers);
  }

  public ServiceModel withQueueWorker(QueueWorkerModel worker) {
    List<QueueWorkerModel> all = new ArrayList<>(queueWorkers);
    all.add(worker);
    return new ServiceModel(name, version, description, commands, subscriptions, queues, all);
  }

  /**
   * The existing command, subscription or queue worker whose name equals {@code name} ignoring case, if any. They
   * share one namespace, as in the runtime's service builder. Case matters because names become lower-case
   * package segments and upper-case constants, where {@code signUp} and {@code signup} would collide.
   */
  public Optional<String> functionClashingWith(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Stream.of(commands.stream().map(CommandModel::name), subscriptions.stream().map(SubscriptionModel::name),
            queueWorkers.stream().map(QueueWorkerModel::name))
        .flatMap(names -> names)
        .filter(existing -> existing.toLowerCase(Locale.ROOT).equals(lower))
        .findFirst();
  }
}
