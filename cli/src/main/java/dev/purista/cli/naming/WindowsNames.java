package dev.purista.cli.naming;

import java.util.Locale;
import java.util.Set;

/**
 * Names Windows reserves for devices. No file or directory may carry one, in any case and with any extension
 * ({@code nul.txt} is the device too), so a project holding such a path cannot be checked out there.
 */
final class WindowsNames {
  private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul",
      "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
      "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private WindowsNames() {
  }

  /** The reserved device name {@code fileName} stands for, upper-case, or {@code null} when it is usable. */
  static String reservedDevice(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    int dot = lower.indexOf('.');
    String base = dot < 0 ? lower : lower.substring(0, dot);
    return RESERVED.contains(base) ? base.toUpperCase(Locale.ROOT) : null;
  }
}
