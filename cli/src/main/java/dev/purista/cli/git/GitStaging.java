package dev.purista.cli.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.RmCommand;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Stages files that moved, when the project is a git repository: the old paths removed from the index, the new
 * ones added, so that the next commit records renames and {@code git log --follow} keeps each file's history.
 * Nothing else is staged; the user reviews and commits.
 */
public final class GitStaging {
  private GitStaging() {
  }

  /**
   * @param oldPaths project-relative paths that moved (tracked or not)
   * @param newPrefix what each path gained in front, such as {@code services/}
   */
  public static void stageMoves(Path root, List<String> oldPaths, String newPrefix) throws IOException {
    if (!Files.isDirectory(root.resolve(".git")) || oldPaths.isEmpty()) {
      return;
    }
    try (Git git = Git.open(root.toFile())) {
      RmCommand rm = git.rm().setCached(true);
      oldPaths.forEach(rm::addFilepattern);
      rm.call();
      var add = git.add();
      for (String path : oldPaths) {
        if (Files.exists(root.resolve(newPrefix + path))) {
          add.addFilepattern(newPrefix + path);
        }
      }
      add.call();
    } catch (GitAPIException e) {
      throw new IOException("could not stage the moves in git: " + e.getMessage(), e);
    }
  }
}
