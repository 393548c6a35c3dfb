package dev.purista.http.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import dev.purista.core.CommandDefinition;
import dev.purista.core.HttpAccess;
import dev.purista.http.internal.HttpJson;
import dev.purista.http.gateway.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI 3.1 document of a gateway's routes, generated from the command definitions: record types become
 * JSON Schemas (draft 2020-12, OpenAPI 3.1's dialect) with their Bean Validation constraints, path variables and
 * query parameters come from the parameter record, and every error is a problem details response. Protected
 * operations name the authenticator's security schemes with the scopes they require.
 */
public final class OpenApiDocument {
  private static final ObjectMapper MAPPER = HttpJson.mapper();
  private static final String PROBLEM = "#/components/schemas/Problem";

  private OpenApiDocument() {
  }

  /**
   * @param info the {@code info} object's {@code title}, {@code version} and optional {@code description}
   * @param securitySchemes by name, as the authenticator declares them
   */
  public static ObjectNode generate(List<Route> routes, Map<String, String> info,
      Map<String, Map<String, Object>> securitySchemes) {
    SchemaGenerator generator = new SchemaGenerator(config().build());
    SchemaBuilder schemas = generator.buildMultipleSchemaDefinitions();
    SchemaGenerator inline = new SchemaGenerator(config().without(Option.DEFINITIONS_FOR_ALL_OBJECTS).build());

    ObjectNode document = MAPPER.createObjectNode();
    document.put("openapi", "3.1.0");
    ObjectNode infoNode = document.putObject("info");
    infoNode.put("title", info.getOrDefault("title", "API"));
    infoNode.put("version", info.getOrDefault("version", "1"));
    if (info.containsKey("description")) {
      infoNode.put("description", info.get("description"));
    }
    ObjectNode paths = document.putObject("paths");
    for (Route route : routes) {
      ObjectNode item = paths.has(route.path()) ? (ObjectNode) paths.get(route.path())
          : paths.putObject(route.path());
      item.set(route.method().toLowerCase(java.util.Locale.ROOT),
          operation(route, schemas, inline, securitySchemes.keySet()));
    }
    ObjectNode components = document.putObject("components");
    ObjectNode definitions = schemas.collectDefinitions("components/schemas");
    definitions.set("Problem", problemSchema());
    components.set("schemas", definitions);
    if (!securitySchemes.isEmpty()) {
      components.set("securitySchemes", MAPPER.valueToTree(securitySchemes));
    }
    return document;
  }

  private static SchemaGeneratorConfigBuilder config() {
    return new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
        .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
        .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
            JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS));
  }

  private static ObjectNode operation(Route route, SchemaBuilder schemas, SchemaGenerator inline,
      Set<String> schemeNames) {
    CommandDefinition<?, ?, ?> command = route.command();
    ObjectNode operation = MAPPER.createObjectNode();
    operation.put("operationId", route.service().name() + "V" + route.service().version() + "_" + command.name());
    operation.putArray("tags").add(route.service().name());
    if (!command.description().isEmpty()) {
      operation.put("summary", command.description());
    }
    if (command.deprecated()) {
      operation.put("deprecated", true);
    }
    ArrayNode parameters = parameters(route, inline);
    if (!parameters.isEmpty()) {
      operation.set("parameters", parameters);
    }
    if (command.payloadType() != Void.class) {
      ObjectNode body = operation.putObject("requestBody");
      body.put("required", true);
      body.putObject("content").putObject("application/json").set("schema",
          schemas.createSchemaReference(command.payloadType()));
    }
    ObjectNode responses = operation.putObject("responses");
    if (command.resultType() == Void.class) {
      responses.putObject("204").put("description", "Done; no result");
    } else {
      ObjectNode ok = responses.putObject("200");
      ok.put("description", "The result");
      ok.putObject("content").putObject("application/json").set("schema",
          schemas.createSchemaReference(command.resultType()));
    }
    problem(responses, "400", "Invalid input; data lists each field");
    HttpAccess access = route.access();
    if (!access.isPublic()) {
      problem(responses, "401", "No valid credentials");
      problem(responses, "403", "Missing scope or role");
    }
    problem(responses, "500", "Unexpected failure");
    problem(responses, "503", "No instance serves the command");
    problem(responses, "504", "The command did not answer in time");
    if (!schemeNames.isEmpty()) {
      ArrayNode security = operation.putArray("security");
      if (!access.isPublic()) {
        for (String scheme : schemeNames) {
          ArrayNode scopes = security.addObject().putArray(scheme);
          access.scopes().stream().sorted().forEach(scopes::add);
        }
      }
    }
    return operation;
  }

  private static ArrayNode parameters(Route route, SchemaGenerator inline) {
    ArrayNode parameters = MAPPER.createArrayNode();
    Class<?> type = route.command().parameterType();
    if (type == Void.class) {
      return parameters;
    }
    List<String> pathVariables = route.template().variables();
    ObjectNode schema = inline.generateSchema(type);
    JsonNode properties = schema.path("properties");
    Set<String> required = new java.util.HashSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    properties.fieldNames().forEachRemaining(name -> {
      boolean inPath = pathVariables.contains(name);
      ObjectNode parameter = parameters.addObject();
      parameter.put("name", name);
      parameter.put("in", inPath ? "path" : "query");
      parameter.put("required", inPath || required.contains(name));
      parameter.set("schema", properties.get(name));
    });
    for (String variable : pathVariables) {
      if (!properties.has(variable)) {
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", variable);
        parameter.put("in", "path");
        parameter.put("required", true);
        parameter.putObject("schema").put("type", "string");
      }
    }
    return parameters;
  }

  private static void problem(ObjectNode responses, String status, String description) {
    ObjectNode response = responses.putObject(status);
    response.put("description", description);
    response.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", PROBLEM);
  }

  private static ObjectNode problemSchema() {
    ObjectNode schema = MAPPER.createObjectNode();
    schema.put("type", "object");
    schema.put("description", "RFC 9457 problem details");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("type").put("type", "string");
    properties.putObject("title").put("type", "string");
    properties.putObject("status").put("type", "integer");
    properties.putObject("detail").put("type", "string");
    properties.putObject("data").put("description", "A handled error's data, such as the invalid fields");
    schema.putArray("required").add("type").add("title").add("status");
    return schema;
  }
}
