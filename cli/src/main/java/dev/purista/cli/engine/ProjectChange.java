package dev.purista.cli.engine;

import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.plan.ProposedFile;
import java.util.List;

/**
 * A change to a project, before it is planned: the model after the change, the user-owned files it creates,
 * the file to point the user to, and remarks for the user.
 */
record ProjectChange(ProjectModel model, List<ProposedFile> userOwnedFiles, String mainFile, List<String> notes) {
}
