package dev.purista.cli.template;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The list of bundled templates ({@code templates/manifest.json}): which file each one renders, who owns that
 * file and which variables it gets. Adding a file to what {@code new project} writes is a template plus an entry
 * here, no code.
 */
public record TemplateManifest(List<TemplateEntry> templates) {
  static final String RESOURCE = TemplateRenderer.BUNDLED_ROOT + "manifest.json";

  public TemplateManifest {
    templates = List.copyOf(templates == null ? List.of() : templates);
  }

  public static TemplateManifest bundled() {
    try (InputStream in = TemplateManifest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the CLI jar lacks " + RESOURCE);
      }
      return JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build()
          .readValue(in, TemplateManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public List<TemplateEntry> group(String group) {
    return templates.stream().filter(t -> t.group().equals(group)).toList();
  }

  public Optional<TemplateEntry> entry(String name) {
    return templates.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
