package dev.purista.cli.model;

import dev.purista.cli.json.StrictJsonReader;
import java.io.IOException;
import java.util.List;
import java.util.SortedMap;

/**
 * Reads {@code purista.json} field by field (see {@link StrictJsonReader} for why not by data binding). Every
 * field of every record is known here; any other field is an error. Missing fields stay {@code null} for
 * {@link ProjectModelValidator} to name, except {@code options.javaRelease}, which has no sensible default.
 */
final class ProjectModelReader {
  private ProjectModelReader() {
  }

  static ProjectModel model(StrictJsonReader in) throws IOException {
    String generatorVersion = null;
    ProjectInfo project = null;
    ProjectOptions options = null;
    List<TargetModel> targets = null;
    List<ServiceModel> services = null;
    SortedMap<String, String> generatedFiles = null;
    in.requireObject("the project model");
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "generatorVersion" -> generatorVersion = in.string();
        case "project" -> project = projectInfo(in);
        case "options" -> options = options(in);
        case "targets" -> targets = in.list(ProjectModelReader::target);
        case "services" -> services = in.list(ProjectModelReader::service);
        case "generatedFiles" -> generatedFiles = in.stringMap();
        default -> throw in.unknownField("the project model");
      }
    }
    return new ProjectModel(generatorVersion, project, options, targets, services, generatedFiles);
  }

  private static ProjectInfo projectInfo(StrictJsonReader in) throws IOException {
    if (!in.startObject("project")) {
      return null;
    }
    String name = null;
    String groupId = null;
    String artifactId = null;
    String version = null;
    String basePackage = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "name" -> name = in.string();
        case "groupId" -> groupId = in.string();
        case "artifactId" -> artifactId = in.string();
        case "version" -> version = in.string();
        case "basePackage" -> basePackage = in.string();
        default -> throw in.unknownField("project");
      }
    }
    return new ProjectInfo(name, groupId, artifactId, version, basePackage);
  }

  private static ProjectOptions options(StrictJsonReader in) throws IOException {
    if (!in.startObject("options")) {
      return null;
    }
    Integer javaRelease = null;
    while (in.nextField()) {
      if (!in.fieldName().equals("javaRelease")) {
        throw in.unknownField("options");
      }
      javaRelease = in.integer();
    }
    if (javaRelease == null) {
      throw new CorruptModelException("the field 'options.javaRelease' is missing", null);
    }
    return new ProjectOptions(javaRelease);
  }

  private static TargetModel target(StrictJsonReader in) throws IOException {
    in.requireObject("a target");
    String name = null;
    String bridge = null;
    List<String> services = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "name" -> name = in.string();
        case "bridge" -> bridge = in.string();
        case "services" -> services = in.list(StrictJsonReader::string);
        default -> throw in.unknownField("a target");
      }
    }
    return new TargetModel(name, bridge, services);
  }

  private static ServiceModel service(StrictJsonReader in) throws IOException {
    in.requireObject("a service");
    String name = null;
    String version = null;
    String description = null;
    List<CommandModel> commands = null;
    List<SubscriptionModel> subscriptions = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "name" -> name = in.string();
        case "version" -> version = in.string();
        case "description" -> description = in.string();
        case "commands" -> commands = in.list(ProjectModelReader::command);
        case "subscriptions" -> subscriptions = in.list(ProjectModelReader::subscription);
        default -> throw in.unknownField("a service");
      }
    }
    return new ServiceModel(name, version, description, commands, subscriptions);
  }

  private static CommandModel command(StrictJsonReader in) throws IOException {
    in.requireObject("a command");
    String name = null;
    String description = null;
    HttpRoute http = null;
    String successEvent = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "name" -> name = in.string();
        case "description" -> description = in.string();
        case "http" -> http = httpRoute(in);
        case "successEvent" -> successEvent = in.string();
        default -> throw in.unknownField("a command");
      }
    }
    return new CommandModel(name, description, http, successEvent);
  }

  /** As stored; the validator checks it with {@link HttpRoute#of}. */
  private static HttpRoute httpRoute(StrictJsonReader in) throws IOException {
    if (!in.startObject("http")) {
      return null;
    }
    String method = null;
    String path = null;
    boolean isPublic = false;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "method" -> method = in.string();
        case "path" -> path = in.string();
        case "public" -> isPublic = in.bool();
        default -> throw in.unknownField("http");
      }
    }
    return new HttpRoute(method, path, isPublic);
  }

  private static SubscriptionModel subscription(StrictJsonReader in) throws IOException {
    in.requireObject("a subscription");
    String name = null;
    String description = null;
    String event = null;
    String emits = null;
    String payloadType = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "name" -> name = in.string();
        case "description" -> description = in.string();
        case "event" -> event = in.string();
        case "emits" -> emits = in.string();
        case "payloadType" -> payloadType = in.string();
        default -> throw in.unknownField("a subscription");
      }
    }
    return new SubscriptionModel(name, description, event, emits, payloadType);
  }
}
