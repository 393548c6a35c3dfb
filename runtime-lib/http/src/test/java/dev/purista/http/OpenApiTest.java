package dev.purista.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.CommandDefinition;
import dev.purista.http.auth.JwtAuthenticator;
import dev.purista.http.fixture.ShopService;
import dev.purista.http.fixture.TestServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document parses without errors and describes every exposed command with its schemas. */
class OpenApiTest {
  private static TestServer server;
  private static OpenAPI api;

  @BeforeAll
  static void start() throws Exception {
    com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).generate();
    server = new TestServer(settings -> settings.info("Shop", "1.2.0")
        .authenticator(JwtAuthenticator.builder().key(key.toPublicJWK()).build()));
    HttpResponse<String> response = server.get("/api/openapi.json");
    assertEquals(200, response.statusCode());
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(response.body());
    assertEquals(List.of(), result.getMessages(), "the parser's messages");
    api = result.getOpenAPI();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Operation operation(String path, PathItem.HttpMethod method) {
    PathItem item = api.getPaths().get(path);
    assertNotNull(item, path + " is missing");
    Operation operation = item.readOperationsMap().get(method);
    assertNotNull(operation, method + " " + path + " is missing");
    return operation;
  }

  @Test
  void itIsOpenApi31WithTheConfiguredInfo() {
    assertEquals("3.1.0", api.getOpenapi());
    assertEquals("Shop", api.getInfo().getTitle());
    assertEquals("1.2.0", api.getInfo().getVersion());
  }

  @Test
  void everyExposedCommandIsAnOperation() {
    int operations = 0;
    for (CommandDefinition<?, ?, ?> command : ShopService.DEFINITION.commands()) {
      String path = "/api/v1/" + command.http().orElseThrow().path();
      Operation operation = operation(path, PathItem.HttpMethod.valueOf(command.http().orElseThrow().method()
          .name()));
      assertEquals("shopV1_" + command.name(), operation.getOperationId());
      operations++;
    }
    operation("/api/v1/ping", PathItem.HttpMethod.GET);
    assertEquals(ShopService.DEFINITION.commands().size(), operations);
  }

  @Test
  void recordSchemasCarryTheirBeanValidationConstraints() {
    @SuppressWarnings("rawtypes")
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    Schema<?> item = schemas.get("Item");
    assertNotNull(item, "Item schema: " + schemas.keySet());
    assertTrue(item.getRequired().contains("name"), item.toString());
    Schema<?> quantity = (Schema<?>) item.getProperties().get("quantity");
    assertEquals(new BigDecimal(1), quantity.getMinimum());
    assertEquals(new BigDecimal(1000), quantity.getMaximum());
    Schema<?> name = (Schema<?>) item.getProperties().get("name");
    assertEquals(40, name.getMaxLength());
    assertNotNull(schemas.get("Stored"));
    assertNotNull(schemas.get("Problem"));
  }

  @Test
  void pathVariablesAndQueryParametersComeFromTheParameterRecord() {
    Operation get = operation("/api/v1/items/{id}", PathItem.HttpMethod.GET);
    Map<String, String> where = new java.util.TreeMap<>();
    get.getParameters().forEach(parameter -> where.put(parameter.getName(), parameter.getIn()));
    assertEquals(Map.of("id", "path", "limit", "query", "tag", "query"), where);
    Operation put = operation("/api/v1/items/{id}", PathItem.HttpMethod.POST);
    assertEquals("#/components/schemas/Item", put.getRequestBody().getContent().get("application/json")
        .getSchema().get$ref());
    assertNotNull(put.getResponses().get("400").getContent().get("application/problem+json"));
  }

  @Test
  void securitySchemesAndPerOperationRequirementsAreIncluded() {
    assertEquals("bearer", api.getComponents().getSecuritySchemes().get("bearerAuth").getScheme());
    Operation order = operation("/api/v1/orders", PathItem.HttpMethod.POST);
    assertEquals(List.of("orders:write"), order.getSecurity().get(0).get("bearerAuth"));
    assertNotNull(order.getResponses().get("403"));
    Operation who = operation("/api/v1/who", PathItem.HttpMethod.GET);
    assertTrue(who.getSecurity().isEmpty(), "a public command needs no credentials");
  }

  @Test
  void theDocsPageIsServedWithItsAssetsFromTheServerItself() {
    HttpResponse<String> page = server.get("/api/docs");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("/api/docs/swagger-ui-bundle.js"), page.body());
    assertTrue(page.body().contains("/api/openapi.json"), page.body());
    assertTrue(!page.body().contains("https://"), "no asset from elsewhere");
    HttpResponse<String> bundle = server.get("/api/docs/swagger-ui-bundle.js");
    assertEquals(200, bundle.statusCode());
    assertTrue(bundle.body().length() > 100_000, "the whole Swagger UI bundle");
  }
}
