package dev.purista.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The parent pom repeats two of the BOM's versions, because the CLI's version catalog is filtered from the
 * parent's properties. They must stay the BOM's.
 */
class BomAlignmentTest {
  /** runtime-lib: the tests run in a module directory beside the BOM's. */
  private static final Path RUNTIME = Path.of("").toAbsolutePath().getParent();

  @Test
  void theParentRepeatsTheBomsVersionsExactly() throws Exception {
    Document bom = read(RUNTIME.resolve("bom/pom.xml"));
    Document parent = read(RUNTIME.getParent().resolve("pom.xml"));
    for (String property : new String[] {"junit.version", "slf4j.version"}) {
      assertEquals(property(bom, property), property(parent, property), property);
    }
  }

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static String property(Document pom, String name) {
    Node properties = pom.getElementsByTagName("properties").item(0);
    for (Node node = properties.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (name.equals(node.getNodeName())) {
        return node.getTextContent().trim();
      }
    }
    return fail(name + " is missing from " + pom.getDocumentURI());
  }
}
