package dev.purista.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a sample's script: one {@code purista ...} invocation per line, {@code #} comments, arguments split at
 * spaces except inside double quotes, as a shell would for these simple lines.
 */
final class CommandScript {
  private CommandScript() {
  }

  static List<List<String>> parse(String script) {
    List<List<String>> invocations = new ArrayList<>();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      List<String> words = split(trimmed);
      if (!words.get(0).equals("purista")) {
        throw new IllegalArgumentException("every line must start with 'purista': " + line);
      }
      invocations.add(words.subList(1, words.size()));
    }
    return invocations;
  }

  private static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (c == ' ' && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unbalanced quote: " + line);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
