package dev.purista.cli.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A service version with its commands and subscriptions, in the order they were added (which is also the order
 * of the generated constants).
 */
public record ServiceModel(String name, String version, String description, List<CommandModel> commands,
    List<SubscriptionModel> subscriptions) {

  public ServiceModel {
    commands = List.copyOf(commands == null ? List.of() : commands);
    subscriptions = List.copyOf(subscriptions == null ? List.of() : subscriptions);
  }

  public static ServiceModel of(String name, String version, String description) {
    return new ServiceModel(name, version, description, List.of(), List.of());
  }

  /** {@code user v1}, as people read it in messages. */
  public String label() {
    return name + " v" + version;
  }

  public ServiceModel withCommand(CommandModel command) {
    List<CommandModel> all = new ArrayList<>(commands);
    all.add(command);
    return new ServiceModel(name, version, description, all, subscriptions);
  }

  public ServiceModel withSubscription(SubscriptionModel subscription) {
    List<SubscriptionModel> all = new ArrayList<>(subscriptions);
    all.add(subscription);
    return new ServiceModel(name, version, description, commands, all);
  }

  /**
   * The existing command or subscription whose name equals {@code name} ignoring case, if any. Case matters
   * because names become lower-case package segments and upper-case constants, where {@code signUp} and
   * {@code signup} would collide.
   */
  public Optional<String> functionClashingWith(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Stream.concat(commands.stream().map(CommandModel::name),
            subscriptions.stream().map(SubscriptionModel::name))
        .filter(existing -> existing.toLowerCase(Locale.ROOT).equals(lower))
        .findFirst();
  }
}
