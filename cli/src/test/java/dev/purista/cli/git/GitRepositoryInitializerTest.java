package dev.purista.cli.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepositoryInitializerTest {
  @TempDir
  Path dir;

  @Test
  void commitsEveryFileOnMain() throws IOException, GitAPIException {
    Files.writeString(dir.resolve("a.txt"), "a");
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/b.txt"), "b");

    GitRepositoryInitializer.initWithFirstCommit(dir, "First");

    try (Git git = Git.open(dir.toFile())) {
      RevCommit head = git.log().call().iterator().next();
      assertEquals("First", head.getFullMessage());
      assertEquals("main", git.getRepository().getBranch());
      assertTrue(git.status().call().isClean());
    }
  }
}
