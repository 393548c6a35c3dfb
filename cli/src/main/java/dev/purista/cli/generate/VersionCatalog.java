package dev.purista.cli.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions this CLI pins in the builds it generates: the purista runtime, JUnit, SLF4J and every Maven
 * plugin. They are filtered into the CLI jar from the parent pom at build time, so there is one version source
 * and a generated project uses exactly what the CLI was built and tested with.
 */
public final class VersionCatalog {
  private static final String RESOURCE = "dev/purista/cli/version-catalog.properties";

  private final Properties versions;

  private VersionCatalog(Properties versions) {
    this.versions = versions;
  }

  public static VersionCatalog bundled() {
    Properties properties = new Properties();
    try (InputStream in = VersionCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the CLI jar lacks " + RESOURCE);
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new VersionCatalog(properties);
  }

  /** The version of this CLI, which is also the purista runtime version it generates for. */
  public String purista() {
    return get("purista");
  }

  public int javaRelease() {
    return Integer.parseInt(get("java.release"));
  }

  public String junit() {
    return get("junit");
  }

  public String slf4j() {
    return get("slf4j");
  }

  /** The version of {@code maven-<name>-plugin}, such as {@code plugin("compiler")}. */
  public String plugin(String name) {
    return get("plugin." + name);
  }

  private String get(String key) {
    String value = versions.getProperty(key);
    if (value == null || value.startsWith("${")) {
      throw new IllegalStateException("version '" + key + "' was not filtered into the CLI at build time");
    }
    return value;
  }
}
