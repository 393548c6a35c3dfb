package dev.purista.cli.engine;

import dev.purista.cli.failure.BadInputException;
import dev.purista.cli.model.ProjectModel;
import dev.purista.cli.model.TargetKind;
import dev.purista.cli.model.TargetModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the target options of {@code gen bootstrap} and {@code new project} into the model's targets, and
 * rejects what cannot work before anything is planned: an unknown target, {@code --bridge} for a target without
 * a bridge choice or outside its set, {@code --service} without the microservice target or naming no service.
 */
final class TargetSelection {
  static final String ALL = "all";

  private TargetSelection() {
  }

  /** The target kinds {@code names} select; {@code all} selects every one. */
  static List<TargetKind> kinds(List<String> names) {
    Set<TargetKind> kinds = new LinkedHashSet<>();
    for (String name : names) {
      String trimmed = name.trim();
      if (trimmed.equals(ALL)) {
        kinds.addAll(List.of(TargetKind.values()));
        continue;
      }
      kinds.add(TargetKind.named(trimmed).orElseThrow(() -> new BadInputException(
          "unknown target '" + trimmed + "'",
          "the targets are " + String.join(", ", TargetKind.names()) + ", or all")));
    }
    if (kinds.isEmpty()) {
      throw new BadInputException("no target given", "name one of " + String.join(", ", TargetKind.names())
          + ", or all");
    }
    return kinds.stream().sorted().toList();
  }

  /**
   * The model with {@code kinds} added or replaced, every target in {@link TargetKind} order.
   *
   * @param bridge the bridge for the kinds that offer it, or {@code null}
   * @param services the services that get a microservice main, or empty for all
   */
  static ProjectModel apply(ProjectModel model, List<TargetKind> kinds, String bridge, List<String> services) {
    checkBridge(kinds, bridge);
    checkServices(model, kinds, services);
    List<TargetModel> targets = new ArrayList<>();
    for (TargetModel existing : model.targets()) {
      if (TargetKind.named(existing.name()).filter(kinds::contains).isEmpty()) {
        targets.add(existing);
      }
    }
    for (TargetKind kind : kinds) {
      String chosen = bridge != null && kind.bridges().contains(bridge) ? bridge : kind.defaultBridge();
      targets.add(new TargetModel(kind.targetName(), chosen,
          kind == TargetKind.MICROSERVICE ? services : List.of()));
    }
    targets.sort(Comparator.comparing(t -> TargetKind.named(t.name()).orElseThrow()));
    return model.withTargets(targets);
  }

  private static void checkBridge(List<TargetKind> kinds, String bridge) {
    if (bridge == null) {
      return;
    }
    boolean usable = kinds.stream().anyMatch(kind -> kind.bridges().contains(bridge));
    if (usable) {
      return;
    }
    if (kinds.size() == 1 && kinds.get(0).bridges().isEmpty()) {
      throw new BadInputException("the " + kinds.get(0).targetName() + " target has no bridge choice: it runs on "
          + "the in-memory bridge", "leave out --bridge");
    }
    Set<String> offered = new LinkedHashSet<>();
    kinds.forEach(kind -> offered.addAll(kind.bridges()));
    throw new BadInputException("--bridge " + bridge + " is not a bridge of the target"
        + (kinds.size() == 1 ? " " + kinds.get(0).targetName() : "s " + names(kinds)),
        "use one of: " + String.join(", ", offered));
  }

  private static void checkServices(ProjectModel model, List<TargetKind> kinds, List<String> services) {
    if (services.isEmpty()) {
      return;
    }
    if (!kinds.contains(TargetKind.MICROSERVICE)) {
      throw new BadInputException("--service chooses the services of the microservice target, which "
          + names(kinds) + " is not", "leave out --service, or use --target microservice");
    }
    for (String service : services) {
      if (model.serviceVersions(service).isEmpty()) {
        throw new BadInputException("unknown service '" + service + "'", "see 'purista list' for the services");
      }
    }
  }

  private static String names(List<TargetKind> kinds) {
    return String.join(", ", kinds.stream().map(TargetKind::targetName).toList());
  }
}
