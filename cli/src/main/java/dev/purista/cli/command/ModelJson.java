package dev.purista.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.cli.generate.ProjectLayout;
import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.EventCatalog;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;

/**
 * {@code purista list --json} for tools: the model without file hashes, plus what tools otherwise would have
 * to derive, namely the generated class of every service, client and handler, and each event's constant,
 * producers and subscribers.
 */
final class ModelJson {
  private ModelJson() {
  }

  static String render(ProjectModel model) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ProjectLayout layout = new ProjectLayout(model.project().basePackage());
    ObjectNode root = mapper.createObjectNode();
    root.put("generatorVersion", model.generatorVersion());
    root.set("project", mapper.valueToTree(model.project()));
    root.set("targets", mapper.valueToTree(model.targets()));
    ArrayNode services = root.putArray("services");
    for (ServiceModel service : model.services()) {
      ObjectNode node = services.addObject()
          .put("name", service.name())
          .put("version", service.version())
          .put("description", service.description())
          .put("serviceClass", layout.serviceClass(service).canonicalName())
          .put("clientClass", layout.clientClass(service).canonicalName());
      ArrayNode commands = node.putArray("commands");
      for (CommandModel command : service.commands()) {
        ObjectNode commandNode = mapper.valueToTree(command);
        commandNode.put("handlerClass", layout.commandHandler(service, command).canonicalName());
        commands.add(commandNode);
      }
      ArrayNode subscriptions = node.putArray("subscriptions");
      for (SubscriptionModel subscription : service.subscriptions()) {
        ObjectNode subscriptionNode = mapper.valueToTree(subscription);
        subscriptionNode.put("handlerClass", layout.subscriptionHandler(service, subscription).canonicalName());
        subscriptions.add(subscriptionNode);
      }
    }
    ArrayNode events = root.putArray("events");
    for (EventCatalog.Event event : EventCatalog.of(model).events()) {
      ObjectNode node = events.addObject().put("name", event.name()).put("constant", event.constantName());
      ArrayNode emittedBy = node.putArray("emittedBy");
      event.producers().forEach(producer -> emittedBy.add(producer.label()));
      ArrayNode receivedBy = node.putArray("receivedBy");
      event.subscribers().forEach(receivedBy::add);
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render the model as JSON", e);
    }
  }
}
