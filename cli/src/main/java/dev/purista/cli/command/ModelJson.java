package dev.purista.cli.command;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.purista.cli.generate.ProjectLayout;
import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.EventCatalog;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ProjectModelWriter;
import dev.purista.cli.model.QueueModel;
import dev.purista.cli.model.QueueWorkerModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import dev.purista.cli.model.TargetModel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * {@code purista list --json} for tools: the model without file hashes, plus what tools otherwise would have
 * to derive, namely the generated class of every service, client and handler, and each event's constant,
 * producers and subscribers.
 */
final class ModelJson {
  private static final JsonFactory JSON = new JsonFactory();

  private ModelJson() {
  }

  static String render(ProjectModel model) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.useDefaultPrettyPrinter();
      write(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the model as JSON", e);
    }
    return text.toString();
  }

  private static void write(JsonGenerator out, ProjectModel model) throws IOException {
    ProjectLayout layout = new ProjectLayout(model.project().basePackage());
    out.writeStartObject();
    out.writeStringField("generatorVersion", model.generatorVersion());
    out.writeFieldName("project");
    ProjectModelWriter.writeProject(out, model.project());
    out.writeArrayFieldStart("targets");
    for (TargetModel target : model.targets()) {
      ProjectModelWriter.writeTarget(out, target);
    }
    out.writeEndArray();
    out.writeArrayFieldStart("services");
    for (ServiceModel service : model.services()) {
      out.writeStartObject();
      out.writeStringField("name", service.name());
      out.writeStringField("version", service.version());
      out.writeStringField("description", service.description());
      out.writeStringField("serviceClass", layout.serviceClass(service).canonicalName());
      out.writeStringField("clientClass", layout.clientClass(service).canonicalName());
      out.writeStringField("eventsClass", layout.serviceEvents(service).canonicalName());
      out.writeArrayFieldStart("commands");
      for (CommandModel command : service.commands()) {
        out.writeStartObject();
        ProjectModelWriter.writeCommandFields(out, command);
        out.writeStringField("handlerClass", layout.commandHandler(service, command).canonicalName());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeArrayFieldStart("subscriptions");
      for (SubscriptionModel subscription : service.subscriptions()) {
        out.writeStartObject();
        ProjectModelWriter.writeSubscriptionFields(out, subscription);
        out.writeStringField("handlerClass", layout.subscriptionHandler(service, subscription).canonicalName());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeArrayFieldStart("queues");
      for (QueueModel queue : service.queues()) {
        out.writeStartObject();
        ProjectModelWriter.writeQueueFields(out, queue);
        out.writeStringField("jobClass", layout.queueJob(service, queue).canonicalName());
        out.writeStringField("queuesClass", layout.queuesClass(service).canonicalName());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeArrayFieldStart("queueWorkers");
      for (QueueWorkerModel worker : service.queueWorkers()) {
        out.writeStartObject();
        ProjectModelWriter.writeQueueWorkerFields(out, worker);
        out.writeStringField("handlerClass", layout.queueWorkerHandler(service, worker).canonicalName());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    out.writeEndArray();
    writeEvents(out, model);
    out.writeEndObject();
  }

  private static void writeEvents(JsonGenerator out, ProjectModel model) throws IOException {
    out.writeArrayFieldStart("events");
    for (EventCatalog.Event event : EventCatalog.of(model).events()) {
      out.writeStartObject();
      out.writeStringField("name", event.name());
      out.writeStringField("constant", event.constantName());
      out.writeArrayFieldStart("emittedBy");
      for (EventCatalog.Producer producer : event.producers()) {
        out.writeString(producer.label());
      }
      out.writeEndArray();
      out.writeArrayFieldStart("receivedBy");
      for (String subscriber : event.subscribers()) {
        out.writeString(subscriber);
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    out.writeEndArray();
  }
}
