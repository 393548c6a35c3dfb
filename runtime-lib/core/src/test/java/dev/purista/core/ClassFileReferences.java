package dev.purista.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What compiled classes refer to, read from their class files: a bootstrap method's owner (such as
 * {@code java/lang/invoke/StringConcatFactory}) is named in the constant pool of every class that uses it, as plain
 * ASCII, so a byte search finds it without a class-file parser.
 */
public final class ClassFileReferences {
  private ClassFileReferences() {
  }

  /** Whether {@code type}'s own class file names {@code internalName}, such as {@code java/lang/runtime/ObjectMethods}. */
  public static boolean mentions(Class<?> type, String internalName) {
    String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream in = type.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("no class file for " + type);
      }
      return contains(in.readAllBytes(), internalName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The class files, in the compiler's output directory, that name {@code internalName}. */
  public static List<Path> classFilesMentioning(Class<?> anyClassOfTheModule, String internalName) {
    Path root;
    try {
      root = Path.of(anyClassOfTheModule.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(anyClassOfTheModule + " was not loaded from a class directory: " + root);
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.toString().endsWith(".class"))
          .filter(file -> contains(read(file), internalName))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean contains(byte[] bytes, String text) {
    byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i <= bytes.length - wanted.length; i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (bytes[i + j] != wanted[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
