package dev.purista.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purista.http.fixture.HeadlessChromium;
import dev.purista.http.fixture.ShopService;
import dev.purista.http.fixture.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/docs} in a real browser with no network beyond the server: the page lists every operation, and
 * "Try it out" on one command gets its answer.
 */
class DocsPageBrowserTest {
  private static final String WAIT = "const until = async (find, what) => {"
      + " const end = Date.now() + 30000;"
      + " while (Date.now() < end) { const found = find(); if (found) return found;"
      + "  await new Promise(resolve => setTimeout(resolve, 100)); }"
      + " throw new Error('timed out waiting for ' + what); };";

  @Test
  void theDocsPageListsTheOperationsAndTryItOutCallsACommand() throws Exception {
    try (TestServer server = new TestServer(settings -> { });
        HeadlessChromium browser = new HeadlessChromium(server.uri("/api/docs").toString())) {
      browser.awaitLoaded(server.uri("/api/docs").toString(), Duration.ofSeconds(60));
      JsonNode paths = browser.evaluate("(async () => {" + WAIT
          + " await until(() => document.querySelectorAll('.opblock').length > 0, 'the operations');"
          + " return [...document.querySelectorAll('.opblock')].map(block =>"
          + "  block.querySelector('.opblock-summary-method').textContent + ' '"
          + "  + block.querySelector('.opblock-summary-path').getAttribute('data-path')); })()",
          Duration.ofSeconds(60));
      List<String> listed = new ArrayList<>();
      paths.forEach(path -> listed.add(path.asText()));
      assertEquals(ShopService.DEFINITION.commands().size() + ShopService.ABSENT.commands().size(), listed.size(),
          listed.toString());
      assertTrue(listed.contains("GET /api/v1/who"), listed.toString());
      assertTrue(listed.contains("POST /api/v1/items/{id}"), listed.toString());

      JsonNode tried = browser.evaluate("(async () => {" + WAIT
          + " const block = document.querySelector('#operations-shop-shopV1_who');"
          + " (block.querySelector('.opblock-summary-control') || block.querySelector('.opblock-summary')).click();"
          + " (await until(() => block.querySelector('.try-out__btn'), 'Try it out')).click();"
          + " (await until(() => block.querySelector('.execute'), 'Execute')).click();"
          + " const status = await until(() => block.querySelector('.live-responses-table tbody .response-col_status'),"
          + "  'the response');"
          + " const body = await until(() => block.querySelector('.live-responses-table .response-col_description"
          + " pre'), 'the response body');"
          + " return {status: status.textContent.trim(), body: body.textContent}; })()", Duration.ofSeconds(60));
      assertEquals("200", tried.get("status").asText(), tried.toString());
      assertTrue(tried.get("body").asText().contains("traceId"), tried.toString());
    }
  }
}
