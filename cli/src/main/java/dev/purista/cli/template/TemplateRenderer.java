package dev.purista.cli.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders the Mustache templates of the non-Java files the CLI writes. A template in the project's
 * {@code .purista/templates/} replaces the bundled one of the same name. Rendering is strict (a variable that
 * is not provided fails the render) and plain text (no HTML escaping: these are poms and READMEs, not web
 * pages). The same template and variables always give the same bytes.
 */
public final class TemplateRenderer {
  static final String BUNDLED_ROOT = "purista/templates/";

  /** Where a project keeps its template overrides, relative to the project root. */
  public static final String OVERRIDE_DIRECTORY = ".purista/templates";

  private final Path overrideRoot;
  private final TemplateManifest manifest;

  private TemplateRenderer(Path overrideRoot, TemplateManifest manifest) {
    this.overrideRoot = overrideRoot;
    this.manifest = manifest;
  }

  /** Bundled templates only, for a project that does not exist yet. */
  public static TemplateRenderer bundled() {
    return new TemplateRenderer(null, TemplateManifest.bundled());
  }

  /** The project's overrides first, then the bundled templates. */
  public static TemplateRenderer forProject(Path projectRoot) {
    return new TemplateRenderer(projectRoot.resolve(OVERRIDE_DIRECTORY), TemplateManifest.bundled());
  }

  public TemplateManifest manifest() {
    return manifest;
  }

  /** Renders the manifest entry {@code entry} with exactly the variables it declares. */
  public String render(TemplateEntry entry, Map<String, ?> variables) {
    TreeSet<String> missing = new TreeSet<>(entry.variables());
    missing.removeAll(variables.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalStateException("template " + entry.name() + " declares variables nobody set: " + missing);
    }
    return render(entry.fileName(), variables);
  }

  /** Renders the template file {@code fileName} (such as {@code project/pom.xml.mustache}). */
  public String render(String fileName, Map<String, ?> variables) {
    TemplateText template = load(fileName);
    DefaultMustacheFactory factory = new PlainTextMustacheFactory();
    factory.setObjectHandler(new StrictObjectHandler());
    try {
      Mustache mustache = factory.compile(new StringReader(template.text()), template.origin());
      StringWriter out = new StringWriter();
      mustache.execute(out, variables).flush();
      return out.toString();
    } catch (MustacheException e) {
      String variable = missingVariable(e);
      if (variable != null) {
        throw new TemplateRenderException("template " + template.origin() + " uses the variable {{" + variable
            + "}}, which is not provided", "the variables it can use are " + new TreeSet<>(variables.keySet()), e);
      }
      throw new TemplateRenderException("template " + template.origin() + " cannot be rendered: " + e.getMessage(),
          null, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Mustache wraps exceptions from value lookups; find ours in the chain. */
  private static String missingVariable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StrictObjectHandler.MissingVariableException missing) {
        return missing.variable();
      }
    }
    return null;
  }

  private TemplateText load(String fileName) {
    if (overrideRoot != null) {
      Path override = overrideRoot.resolve(fileName).normalize();
      if (override.startsWith(overrideRoot) && Files.isRegularFile(override)) {
        try {
          return new TemplateText(Files.readString(override, StandardCharsets.UTF_8),
              OVERRIDE_DIRECTORY + "/" + fileName);
        } catch (IOException e) {
          throw new TemplateRenderException("cannot read the template override " + override, null, e);
        }
      }
    }
    String resource = BUNDLED_ROOT + fileName;
    try (InputStream in = TemplateRenderer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new TemplateRenderException("no template named " + fileName, null, null);
      }
      return new TemplateText(new String(in.readAllBytes(), StandardCharsets.UTF_8), fileName);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled template " + fileName, e);
    }
  }

  private record TemplateText(String text, String origin) {
  }

  /** Mustache escapes values for HTML by default; none of our files is HTML. */
  private static final class PlainTextMustacheFactory extends DefaultMustacheFactory {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new MustacheException("cannot write", e);
      }
    }
  }
}
