package dev.purista.cli.model;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/**
 * Writes the model's records as JSON, field by field in a fixed order, for {@code purista.json} and for
 * {@code purista list --json}. Optional fields of commands and subscriptions are left out when absent; every
 * other field is always written, {@code null} included, so that the file shows its whole shape.
 */
public final class ProjectModelWriter {
  private ProjectModelWriter() {
  }

  /** The whole model, as {@code purista.json} holds it. */
  static void write(JsonGenerator out, ProjectModel model) throws IOException {
    out.writeStartObject();
    out.writeStringField("generatorVersion", model.generatorVersion());
    out.writeFieldName("project");
    writeProject(out, model.project());
    out.writeObjectFieldStart("options");
    out.writeNumberField("javaRelease", model.options().javaRelease());
    out.writeEndObject();
    out.writeArrayFieldStart("targets");
    for (TargetModel target : model.targets()) {
      writeTarget(out, target);
    }
    out.writeEndArray();
    out.writeArrayFieldStart("services");
    for (ServiceModel service : model.services()) {
      writeService(out, service);
    }
    out.writeEndArray();
    out.writeObjectFieldStart("generatedFiles");
    for (Map.Entry<String, String> hash : model.generatedFiles().entrySet()) {
      out.writeStringField(hash.getKey(), hash.getValue());
    }
    out.writeEndObject();
    out.writeEndObject();
  }

  public static void writeProject(JsonGenerator out, ProjectInfo project) throws IOException {
    out.writeStartObject();
    out.writeStringField("name", project.name());
    out.writeStringField("groupId", project.groupId());
    out.writeStringField("artifactId", project.artifactId());
    out.writeStringField("version", project.version());
    out.writeStringField("basePackage", project.basePackage());
    out.writeEndObject();
  }

  public static void writeTarget(JsonGenerator out, TargetModel target) throws IOException {
    out.writeStartObject();
    out.writeStringField("name", target.name());
    out.writeStringField("bridge", target.bridge());
    // Written only when a list was given, so that the usual model (every service) stays as short as before.
    if (!target.services().isEmpty()) {
      out.writeArrayFieldStart("services");
      for (String service : target.services()) {
        out.writeString(service);
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  /** The fields of a command, inside an object the caller opened (so that it can add its own). */
  public static void writeCommandFields(JsonGenerator out, CommandModel command) throws IOException {
    writeIfPresent(out, "name", command.name());
    writeIfPresent(out, "description", command.description());
    if (command.http() != null) {
      out.writeObjectFieldStart("http");
      out.writeStringField("method", command.http().method());
      out.writeStringField("path", command.http().path());
      // Written only when set, so that the models of protected routes read as they always did.
      if (command.http().isPublic()) {
        out.writeBooleanField("public", true);
      }
      out.writeEndObject();
    }
    writeIfPresent(out, "successEvent", command.successEvent());
  }

  /** The fields of a subscription, inside an object the caller opened. */
  public static void writeSubscriptionFields(JsonGenerator out, SubscriptionModel subscription) throws IOException {
    writeIfPresent(out, "name", subscription.name());
    writeIfPresent(out, "description", subscription.description());
    writeIfPresent(out, "event", subscription.event());
    writeIfPresent(out, "emits", subscription.emits());
    writeIfPresent(out, "payloadType", subscription.payloadType());
  }

  private static void writeService(JsonGenerator out, ServiceModel service) throws IOException {
    out.writeStartObject();
    out.writeStringField("name", service.name());
    out.writeStringField("version", service.version());
    out.writeStringField("description", service.description());
    out.writeArrayFieldStart("commands");
    for (CommandModel command : service.commands()) {
      out.writeStartObject();
      writeCommandFields(out, command);
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeArrayFieldStart("subscriptions");
    for (SubscriptionModel subscription : service.subscriptions()) {
      out.writeStartObject();
      writeSubscriptionFields(out, subscription);
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  private static void writeIfPresent(JsonGenerator out, String field, String value) throws IOException {
    if (value != null) {
      out.writeStringField(field, value);
    }
  }
}
