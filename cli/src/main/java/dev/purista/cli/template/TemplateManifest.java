package dev.purista.cli.template;

import dev.purista.cli.json.StrictJsonReader;
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
    try (InputStream stream = TemplateManifest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (stream == null) {
        throw new IllegalStateException("the CLI jar lacks " + RESOURCE);
      }
      try (StrictJsonReader in = StrictJsonReader.of(stream)) {
        return read(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads a manifest; a field it does not know is an error, as a typo would otherwise go unnoticed. */
  static TemplateManifest read(StrictJsonReader in) throws IOException {
    List<TemplateEntry> templates = null;
    if (in.startRoot()) {
      in.requireObject("the template manifest");
      while (in.nextField()) {
        if (!in.fieldName().equals("templates")) {
          throw in.unknownField("the template manifest");
        }
        templates = in.list(TemplateManifest::entry);
      }
    }
    in.requireEnd();
    return new TemplateManifest(templates);
  }

  private static TemplateEntry entry(StrictJsonReader in) throws IOException {
    in.requireObject("a template entry");
    String name = null;
    String group = null;
    String target = null;
    String ownership = null;
    String description = null;
    List<String> variables = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "name" -> name = in.string();
        case "group" -> group = in.string();
        case "target" -> target = in.string();
        case "ownership" -> ownership = in.string();
        case "description" -> description = in.string();
        case "variables" -> variables = in.list(StrictJsonReader::string);
        default -> throw in.unknownField("a template entry");
      }
    }
    return new TemplateEntry(name, group, target, ownership, description, variables);
  }

  public List<TemplateEntry> group(String group) {
    return templates.stream().filter(t -> t.group().equals(group)).toList();
  }

  public Optional<TemplateEntry> entry(String name) {
    return templates.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
