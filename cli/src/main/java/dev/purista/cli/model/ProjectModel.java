package dev.purista.cli.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The project model, stored as {@code purista.json}: what the project consists of, from which the CLI
 * regenerates the wiring, and the hash of every regenerated file as last written, from which it tells a file
 * it may replace from one the user changed.
 *
 * @param generatorVersion the CLI version that last wrote the project
 * @param project Maven coordinates and base package
 * @param options project-wide generation options
 * @param targets the deployment targets that get a bootstrap
 * @param services the services, in the order they were added
 * @param generatedFiles project-relative path ({@code /}-separated) to the SHA-256 of each regenerated file
 */
public record ProjectModel(String generatorVersion, ProjectInfo project, ProjectOptions options,
    List<TargetModel> targets, List<ServiceModel> services, SortedMap<String, String> generatedFiles) {

  /** The file name of the model, at the project root. */
  public static final String FILE_NAME = "purista.json";

  public ProjectModel {
    targets = List.copyOf(targets == null ? List.of() : targets);
    services = List.copyOf(services == null ? List.of() : services);
    generatedFiles = generatedFiles == null ? new TreeMap<>() : new TreeMap<>(generatedFiles);
  }

  public static ProjectModel create(String generatorVersion, ProjectInfo project, ProjectOptions options) {
    return new ProjectModel(generatorVersion, project, options, List.of(TargetModel.monolith()), List.of(),
        new TreeMap<>());
  }

  /** The service with this name and version. */
  public Optional<ServiceModel> service(String name, String version) {
    return services.stream().filter(s -> s.name().equals(name) && s.version().equals(version)).findFirst();
  }

  /** Every version of the service with this name, in the order they were added. */
  public List<ServiceModel> serviceVersions(String name) {
    return services.stream().filter(s -> s.name().equals(name)).toList();
  }

  public ProjectModel withService(ServiceModel service) {
    List<ServiceModel> all = new ArrayList<>(services);
    all.add(service);
    return new ProjectModel(generatorVersion, project, options, targets, all, generatedFiles);
  }

  /** Replaces the service of the same name and version. */
  public ProjectModel withServiceReplaced(ServiceModel service) {
    List<ServiceModel> all = new ArrayList<>();
    for (ServiceModel existing : services) {
      boolean same = existing.name().equals(service.name()) && existing.version().equals(service.version());
      all.add(same ? service : existing);
    }
    return new ProjectModel(generatorVersion, project, options, targets, all, generatedFiles);
  }

  public ProjectModel withTargets(List<TargetModel> replacement) {
    return new ProjectModel(generatorVersion, project, options, replacement, services, generatedFiles);
  }

  public ProjectModel withGeneratedFiles(Map<String, String> hashes) {
    return new ProjectModel(generatorVersion, project, options, targets, services, new TreeMap<>(hashes));
  }

  public ProjectModel withGeneratorVersion(String version) {
    return new ProjectModel(version, project, options, targets, services, generatedFiles);
  }
}
