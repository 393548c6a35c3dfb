package dev.purista.cli.engine;

import dev.purista.cli.failure.IoFailureMessage;
import dev.purista.cli.failure.OperationFailedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One change to a project at a time, across processes: an operating-system lock on {@code .purista/lock}, held
 * from reading {@code purista.json} to writing it. The operating system releases it when the process ends, however
 * it ends, so it never goes stale; the file itself stays (deleting it would let a process that opened it before
 * the deletion lock a file nobody else sees). While held, the file names the command holding it, so that a
 * command that gives up can say which one it waited for.
 */
final class ProjectLock implements AutoCloseable {
  /** Project-relative; the generated {@code .gitignore} ignores it. */
  static final String FILE = ".purista/lock";

  /**
   * How long a command waits for another one to finish. A change holds the lock for a fraction of a second
   * (the whole {@code add command} process takes about 0.2 s), so five seconds let a script's or an IDE's
   * handful of queued commands through one after the other, while a command stuck behind another one waiting at a
   * prompt says so within five seconds instead of seeming to hang.
   */
  static final Duration WAIT = Duration.ofSeconds(5);

  private static final long POLL_MILLIS = 20;
  private static final int MAX_HOLDER_LENGTH = 300;

  private final FileChannel channel;
  private final FileLock lock;

  private ProjectLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Waits up to {@code wait} for the lock.
   *
   * @param holder what to tell a command that waits for this one, such as its command line
   * @throws ProjectBusyException when another command held it all that time
   */
  static ProjectLock acquire(Path projectRoot, String holder, Duration wait) {
    Path file = projectRoot.resolve(FILE);
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long deadline = System.nanoTime() + wait.toNanos();
      while (true) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          ProjectLock acquired = new ProjectLock(channel, lock);
          acquired.describeHolder(holder);
          return acquired;
        }
        if (System.nanoTime() - deadline >= 0) {
          throw new ProjectBusyException(currentHolder(channel), wait);
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException e) {
      closeQuietly(channel);
      throw new OperationFailedException("could not lock the project (" + FILE + "): " + IoFailureMessage.describe(e),
          "nothing was changed; fix the cause and run the command again", e);
    } catch (InterruptedException e) {
      closeQuietly(channel);
      Thread.currentThread().interrupt();
      throw new OperationFailedException("interrupted while waiting for the project lock", e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /** Releases the lock; the file is emptied first, so that it names nobody once nobody holds it. */
  @Override
  public void close() {
    try {
      channel.truncate(0);
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases the lock anyway; what was left in the file is only a description.
    } finally {
      closeQuietly(channel);
    }
  }

  private void describeHolder(String holder) throws IOException {
    StringBuilder text = new StringBuilder("pid ").append(ProcessHandle.current().pid()).append(": ");
    holder.codePoints().limit(MAX_HOLDER_LENGTH)
        .forEach(c -> text.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(text.append('\n').toString().getBytes(StandardCharsets.UTF_8)), 0);
  }

  /** A lock this JVM holds already (another thread, another engine) is as busy as one of another process. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static String currentHolder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(4 * MAX_HOLDER_LENGTH + 64);
    int read = channel.read(buffer, 0);
    String text = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? null : text;
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing was written through it that could be lost.
    }
  }
}
