package dev.purista.cli.model;

import dev.purista.cli.naming.InvalidNameException;
import dev.purista.cli.naming.NameRules;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a model read from disk with the same rules the commands apply to fresh input, so that a hand-edited
 * {@code purista.json} cannot make the generator write invalid code or paths outside the project.
 */
final class ProjectModelValidator {
  private ProjectModelValidator() {
  }

  static void validate(ProjectModel model) {
    require(model.generatorVersion(), "generatorVersion");
    ProjectInfo project = model.project();
    if (project == null) {
      throw new CorruptModelException("the field 'project' is missing", null);
    }
    check("project", () -> {
      NameRules.projectName(require(project.name(), "project.name"));
      NameRules.groupId(require(project.groupId(), "project.groupId"));
      NameRules.projectName(require(project.artifactId(), "project.artifactId"));
      require(project.version(), "project.version");
      NameRules.packageName(require(project.basePackage(), "project.basePackage"));
    });
    if (model.options() == null) {
      throw new CorruptModelException("the field 'options' is missing", null);
    }
    for (TargetModel target : model.targets()) {
      require(target.name(), "targets[].name");
      require(target.bridge(), "targets[].bridge");
    }
    Set<String> targetNames = new HashSet<>();
    for (TargetModel target : model.targets()) {
      TargetKind kind = TargetKind.named(target.name()).orElseThrow(() -> new CorruptModelException(
          "the target '" + target.name() + "' is unknown; targets are " + String.join(", ", TargetKind.names()),
          null));
      if (!targetNames.add(target.name())) {
        throw new CorruptModelException("the target " + target.name() + " is listed twice", null);
      }
      if (!target.bridge().equals(kind.defaultBridge()) && !kind.bridges().contains(target.bridge())) {
        throw new CorruptModelException("the target " + target.name() + " cannot use the bridge '"
            + target.bridge() + "'", null);
      }
    }
    Set<String> services = new HashSet<>();
    for (ServiceModel service : model.services()) {
      validateService(service);
      if (!services.add(service.name().toLowerCase(Locale.ROOT) + "/" + service.version())) {
        throw new CorruptModelException("service " + service.label() + " is listed twice", null);
      }
    }
    for (String path : model.generatedFiles().keySet()) {
      if (path.startsWith("/") || path.contains("\\") || path.contains("..") || path.isBlank()) {
        throw new CorruptModelException("generatedFiles has the path '" + path + "', which is not a plain "
            + "project-relative path", null);
      }
    }
  }

  private static void validateService(ServiceModel service) {
    String where = "service '" + service.name() + "'";
    check(where, () -> {
      NameRules.serviceName(require(service.name(), "services[].name"));
      NameRules.serviceVersion(require(service.version(), "services[].version"));
      NameRules.description(service.description());
    });
    Set<String> functions = new HashSet<>();
    for (CommandModel command : service.commands()) {
      check(where, () -> {
        NameRules.commandName(require(command.name(), "commands[].name"));
        NameRules.description(command.description());
        if (command.http() != null) {
          HttpRoute.of(require(command.http().method(), "http.method"), require(command.http().path(), "http.path"),
              command.http().isPublic());
        }
        if (command.successEvent() != null) {
          NameRules.eventName(command.successEvent());
        }
      });
      unique(functions, command.name(), where);
    }
    for (SubscriptionModel subscription : service.subscriptions()) {
      check(where, () -> {
        NameRules.subscriptionName(require(subscription.name(), "subscriptions[].name"));
        NameRules.description(subscription.description());
        NameRules.eventName(require(subscription.event(), "subscriptions[].event"));
        if (subscription.emits() != null) {
          NameRules.eventName(subscription.emits());
        }
        String type = require(subscription.payloadType(), "subscriptions[].payloadType");
        int dot = type.lastIndexOf('.');
        if (dot <= 0) {
          throw new InvalidNameException("payloadType '" + type + "' is not a fully qualified class name", null);
        }
        NameRules.packageName(type.substring(0, dot).toLowerCase(Locale.ROOT));
      });
      unique(functions, subscription.name(), where);
    }
  }

  private static void unique(Set<String> names, String name, String where) {
    if (!names.add(name.toLowerCase(Locale.ROOT))) {
      throw new CorruptModelException(where + " has two commands or subscriptions named '" + name + "'", null);
    }
  }

  private static String require(String value, String field) {
    if (value == null) {
      throw new CorruptModelException("the field '" + field + "' is missing", null);
    }
    return value;
  }

  private static void check(String where, Runnable rules) {
    try {
      rules.run();
    } catch (InvalidNameException e) {
      throw new CorruptModelException(where + ": " + e.getMessage(), e);
    }
  }
}
