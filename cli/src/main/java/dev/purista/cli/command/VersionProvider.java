package dev.purista.cli.command;

import picocli.CommandLine;

/** {@code purista --version}: the CLI version, which is also the runtime version new projects pin. */
final class VersionProvider implements CommandLine.IVersionProvider {
  private final CliContext context;

  VersionProvider(CliContext context) {
    this.context = context;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
        "purista " + context.versions().purista(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
