package dev.purista.cli.template;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemplateManifestTest {

  @Test
  void everyDeclaredVariableIsUsedByItsTemplate() throws IOException {
    for (TemplateEntry entry : TemplateManifest.bundled().templates()) {
      String text = bundledText(entry);
      for (String variable : entry.variables()) {
        assertTrue(Pattern.compile("\\{\\{[#^]?\\s*" + variable + "\\s*}}").matcher(text).find(),
            entry.name() + " declares " + variable + " but does not use it");
      }
    }
  }

  @Test
  void everyEntryNamesItsGroupTargetOwnershipAndPurpose() {
    assertFalse(TemplateManifest.bundled().templates().isEmpty());
    for (TemplateEntry entry : TemplateManifest.bundled().templates()) {
      assertFalse(entry.group().isBlank(), entry.name());
      assertFalse(entry.target().isBlank(), entry.name());
      assertTrue(Set.of("USER_OWNED", "REGENERATED").contains(entry.ownership()), entry.name());
      assertFalse(entry.description().isBlank(), entry.name());
    }
  }

  private static String bundledText(TemplateEntry entry) throws IOException {
    try (InputStream in = TemplateManifestTest.class.getClassLoader()
        .getResourceAsStream(TemplateRenderer.BUNDLED_ROOT + entry.fileName())) {
      assertTrue(in != null, "no bundled file for " + entry.name());
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
