package dev.purista.cli.engine;

import java.nio.file.Path;

/**
 * What {@code purista new project} creates.
 *
 * @param name the project name, also its artifactId
 * @param groupId the Maven groupId, or {@code null} for {@code com.example}
 * @param basePackage the Java base package, or {@code null} for groupId plus the name
 * @param directory the directory to create, or {@code null} for {@code <workingDirectory>/<name>}
 * @param git whether to create a git repository with a first commit
 */
public record NewProjectRequest(String name, String groupId, String basePackage, Path directory, boolean git) {
}
