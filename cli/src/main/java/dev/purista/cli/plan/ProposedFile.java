package dev.purista.cli.plan;

/**
 * A file the CLI wants to write: where (project-relative, {@code /}-separated), what, and who owns it.
 * Content is text; every file the CLI writes is UTF-8 with {@code \n} line ends. A file that starts with
 * {@code #!} is a script (a launcher, a build step) and is written executable.
 */
public record ProposedFile(String path, String content, Ownership ownership) {
  public ProposedFile {
    if (path == null || content == null || ownership == null) {
      throw new NullPointerException("path, content and ownership are required");
    }
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("..")) {
      throw new IllegalArgumentException("not a plain project-relative path: " + path);
    }
  }

  /** Whether the file is a script to run directly: its first line names its interpreter ({@code #!}). */
  public boolean executable() {
    return content.startsWith("#!");
  }
}
