package dev.purista.cli.engine;

import dev.purista.cli.model.ProjectModel;
import java.nio.file.Path;

/** A project found on disk with its model, read and validated. */
public record LoadedProject(Path root, ProjectModel model) {
}
