package dev.purista.benchmarks.queues;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The peer: BullMQ in a Node.js process of its own ({@code bullmq-peer/peer.mjs}), driven one round at a time over
 * its standard input, so that its rounds take turns with the Java sides' rounds. The process times each round
 * itself, from its first {@code queue.add} until its Worker reported the last job completed.
 */
final class BullMqSide implements ThroughputSide {
  private final String name;
  private final int concurrency;
  private final Process node;
  private final PrintWriter commands;
  private final BufferedReader answers;

  BullMqSide(Path peerDirectory, String redisUrl, String queuePrefix, int concurrency) throws IOException {
    if (!Files.isDirectory(peerDirectory.resolve("node_modules").resolve("bullmq"))) {
      throw new IllegalStateException("BullMQ is not installed: run " + peerDirectory.resolve("install.sh")
          + " first (npm ci from its package-lock.json), or leave the peer out with -Dbench.peer=false");
    }
    this.name = "BullMQ c" + concurrency;
    this.concurrency = concurrency;
    this.node = new ProcessBuilder("node", "peer.mjs", redisUrl, queuePrefix).directory(peerDirectory.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    this.commands = new PrintWriter(node.getOutputStream(), true, StandardCharsets.UTF_8);
    this.answers = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    expect("ready");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long round(int jobs) throws IOException {
    commands.println("round " + concurrency + " " + jobs);
    return Long.parseLong(expect("done").substring("done ".length()));
  }

  private String expect(String prefix) throws IOException {
    String line = answers.readLine();
    if (line == null || !line.startsWith(prefix)) {
      throw new IllegalStateException(name + ": the BullMQ process answered " + line + " instead of " + prefix
          + " (its errors are above)");
    }
    return line;
  }

  /** Asks the process to remove the queues it made on Redis, and waits for it to finish. */
  @Override
  public void finish() throws InterruptedException {
    commands.println("quit");
    if (!node.waitFor(30, TimeUnit.SECONDS)) {
      node.destroy();
      throw new IllegalStateException(name + ": the BullMQ process did not exit; its queues may be left on Redis");
    }
  }
}
