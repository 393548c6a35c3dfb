package dev.purista.shopit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory the test build's {@code sendWelcome} writes its welcome emails to ({@code SHOP_OUTBOX_DIR}), one
 * file per delivery named after the user id: what the subscription did, seen from outside its process.
 */
final class Outbox {
  private final Path directory;

  Outbox(Path directory) {
    this.directory = directory;
  }

  static Outbox create(String name) throws IOException {
    return new Outbox(Files.createTempDirectory(
        Files.createDirectories(Path.of(System.getProperty("purista.shop.work"))), name + "-outbox"));
  }

  /** The variable that points the sample at this outbox. */
  String variable() {
    return directory.toString();
  }

  /** The welcome emails sent to {@code userId}. */
  List<Path> emailsTo(String userId) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().startsWith(userId + "-")
          && file.getFileName().toString().endsWith(".eml")).toList();
    }
  }

  /** Waits up to {@code wait} for the first email to {@code userId}, and returns all there are then. */
  List<Path> awaitEmailsTo(String userId, Duration wait) throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      List<Path> emails = emailsTo(userId);
      if (!emails.isEmpty()) {
        return emails;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no welcome email to " + userId + " in " + wait);
  }
}
