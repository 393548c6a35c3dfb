package dev.purista.cli.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.purista.cli.json.StrictJsonReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Reads and writes {@code purista.json}. Reading is strict: an unknown field is an error rather than silently
 * dropped, because the CLI rewrites the file and would otherwise lose what a newer CLI or the user put there.
 * Writing is deterministic (fixed field order, sorted maps, {@code \n} line ends) so that the file diffs well
 * and the golden test can compare it.
 */
public final class ProjectModelCodec {
  private static final JsonFactory JSON = new JsonFactory();

  public String toJson(ProjectModel model) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.setPrettyPrinter(prettyPrinter());
      ProjectModelWriter.write(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the project model", e);
    }
    return text + "\n";
  }

  /** Parses and validates; anything wrong becomes a {@link CorruptModelException} naming line and column. */
  public ProjectModel fromJson(String json) {
    ProjectModel model;
    try (StrictJsonReader in = StrictJsonReader.of(json)) {
      if (!in.startRoot()) {
        throw new CorruptModelException("the file is empty", null);
      }
      model = ProjectModelReader.model(in);
      in.requireEnd();
    } catch (JsonProcessingException e) {
      throw new CorruptModelException(describe(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the project model from memory", e);
    }
    ProjectModelValidator.validate(model);
    return model;
  }

  /** Two-space indents, {@code "key": value}, {@code []} and {@code {}} for empty containers, {@code \n} only. */
  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline > 0) {
      message = message.substring(0, newline);
    }
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      message += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
    return message;
  }
}
