package dev.purista.cli.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code purista new project} creates.
 *
 * @param name the project name, also its artifactId
 * @param groupId the Maven groupId, or {@code null} for {@code com.example}
 * @param basePackage the Java base package, or {@code null} for groupId plus the name
 * @param directory the directory to create, or {@code null} for {@code <workingDirectory>/<name>}
 * @param git whether to create a git repository with a first commit
 * @param targets the deployment targets (names, or {@code all}); empty for the monolith only
 * @param bridge the default bridge of the targets that have a choice, or {@code null}
 */
public record NewProjectRequest(String name, String groupId, String basePackage, Path directory, boolean git,
    List<String> targets, String bridge) {
  public NewProjectRequest {
    targets = List.copyOf(targets == null ? List.of() : targets);
  }

  /** A project with the monolith target only. */
  public NewProjectRequest(String name, String groupId, String basePackage, Path directory, boolean git) {
    this(name, groupId, basePackage, directory, git, List.of(), null);
  }
}
