package dev.purista.cli.git;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Makes a new project a git repository with everything in a first commit, so the user's first diff shows
 * only their own changes. JGit, so that no git installation is needed; author and committer come from the
 * user's git configuration as usual.
 */
public final class GitRepositoryInitializer {
  public static final String INITIAL_BRANCH = "main";

  private GitRepositoryInitializer() {
  }

  public static void initWithFirstCommit(Path directory, String message) throws IOException {
    try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch(INITIAL_BRANCH).call()) {
      git.add().addFilepattern(".").call();
      // Never sign: a user's commit.gpgSign=true would otherwise fail on JGit's missing GPG support.
      git.commit().setMessage(message).setSign(false).call();
    } catch (GitAPIException e) {
      throw new IOException("could not create the git repository: " + e.getMessage(), e);
    }
  }
}
