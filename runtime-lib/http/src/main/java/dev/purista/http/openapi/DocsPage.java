package dev.purista.http.openapi;

import dev.purista.http.gateway.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The API docs page: Swagger UI from its webjar, served by the application itself, so that the page works with no
 * network beyond the server (no CDN). Each page is made by its supplier; the assets (some 2 MiB of script and
 * style) are read from the webjar only when a supplier is called, so a server can leave them out of memory until
 * someone opens the docs.
 */
public final class DocsPage {
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> ASSETS = Map.of(
      "swagger-ui.css", "text/css; charset=utf-8",
      "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
      "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
      "favicon-32x32.png", "image/png");

  private DocsPage() {
  }

  /**
   * The page at {@code docsPath} and its assets under {@code docsPath/}, reading the document at
   * {@code openApiPath}: each made, from the webjar, when its supplier is called.
   */
  public static Map<String, Supplier<HttpResponse>> pages(String docsPath, String openApiPath) {
    Map<String, Supplier<HttpResponse>> pages = new LinkedHashMap<>();
    pages.put(docsPath, () -> new HttpResponse(200, Map.of("Content-Type", "text/html; charset=utf-8",
        "Cache-Control", "no-cache"), html(docsPath, openApiPath).getBytes(StandardCharsets.UTF_8)));
    ASSETS.forEach((name, type) -> pages.put(docsPath + "/" + name, () -> new HttpResponse(200,
        Map.of("Content-Type", type, "Cache-Control", "public, max-age=86400"),
        read(WEBJAR + version() + "/" + name))));
    return pages;
  }

  private static String html(String docsPath, String openApiPath) {
    return "<!DOCTYPE html>\n"
        + "<html lang=\"en\">\n"
        + "<head>\n"
        + "  <meta charset=\"utf-8\">\n"
        + "  <title>API docs</title>\n"
        + "  <link rel=\"stylesheet\" href=\"" + docsPath + "/swagger-ui.css\">\n"
        + "  <link rel=\"icon\" type=\"image/png\" href=\"" + docsPath + "/favicon-32x32.png\">\n"
        + "</head>\n"
        + "<body>\n"
        + "  <div id=\"swagger-ui\"></div>\n"
        + "  <script src=\"" + docsPath + "/swagger-ui-bundle.js\"></script>\n"
        + "  <script src=\"" + docsPath + "/swagger-ui-standalone-preset.js\"></script>\n"
        + "  <script>\n"
        + "    window.ui = SwaggerUIBundle({url: '" + openApiPath + "', dom_id: '#swagger-ui', deepLinking: true,\n"
        + "      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout'});\n"
        + "  </script>\n"
        + "</body>\n"
        + "</html>\n";
  }

  private static String version() {
    Properties properties = new Properties();
    try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  private static byte[] read(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = DocsPage.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the swagger-ui webjar is not on the classpath: " + name + " is missing");
    }
    return in;
  }
}
