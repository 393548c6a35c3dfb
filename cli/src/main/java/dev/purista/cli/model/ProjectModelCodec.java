package dev.purista.cli.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code purista.json}. Reading is strict: an unknown field is an error rather than silently
 * dropped, because the CLI rewrites the file and would otherwise lose what a newer CLI or the user put there.
 * Writing is deterministic (fixed field order, sorted maps, {@code \n} line ends) so that the file diffs well
 * and the golden test can compare it.
 */
public final class ProjectModelCodec {
  private final ObjectMapper mapper = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();
  private final ObjectWriter writer;

  public ProjectModelCodec() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    this.writer = mapper.writer(printer);
  }

  public String toJson(ProjectModel model) {
    try {
      return writer.writeValueAsString(model) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the project model", e);
    }
  }

  /** Parses and validates; anything wrong becomes a {@link CorruptModelException} naming line and column. */
  public ProjectModel fromJson(String json) {
    ProjectModel model;
    try {
      model = mapper.readValue(json, ProjectModel.class);
    } catch (JsonProcessingException e) {
      throw new CorruptModelException(describe(e), e);
    }
    if (model == null) {
      throw new CorruptModelException("the file is empty", null);
    }
    ProjectModelValidator.validate(model);
    return model;
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
