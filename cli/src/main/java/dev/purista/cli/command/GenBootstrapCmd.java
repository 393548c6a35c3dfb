package dev.purista.cli.command;

import dev.purista.cli.engine.ChangeResult;
import dev.purista.cli.engine.GenBootstrapRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code purista gen bootstrap --target T}. */
final class GenBootstrapCmd implements Callable<Integer> {
  private final CliContext context;
  private final ProjectChangeOptions changes = new ProjectChangeOptions();
  private final OptionSpec target = OptionSpec.builder("--target").paramLabel("TARGET").type(String.class)
      .required(true)
      .description("monolith, microservice, lambda, edge, or all.").build();
  private final OptionSpec bridge = CommandSpecBuilder.valueOption("--bridge", "BRIDGE",
      "The bridge a process uses when PURISTA_EVENT_BRIDGE names none: amqp, nats or mqtt for microservice "
          + "(default amqp), mqtt for edge. Monolith and lambda run on the in-memory bridge and take none.");
  private final OptionSpec services = OptionSpec.builder("--service").paramLabel("SERVICE").type(List.class)
      .auxiliaryTypes(String.class)
      .description("Repeatable: only these services get a microservice main (<Service>V<N>Main); the gateway "
          + "still routes to every service. Default: every service, including the ones added later.").build();
  private final CommandSpec spec;

  GenBootstrapCmd(CliContext context) {
    this.context = context;
    this.spec = changes.addTo(CommandSpecBuilder.command("bootstrap", this)
        .description(
            "Adds a deployment target, or changes one, and writes its module under targets/: the bootstrap, the "
                + "pom that builds its artifact, and its deployment files. The target is recorded in purista.json, "
                + "so that 'purista add' and 'purista regenerate' keep it current. All files it writes are "
                + "regenerated ones: a target file you changed is a conflict (exit 3) unless you pass --force.")
        .examples(
            "  purista gen bootstrap --target all --bridge amqp",
            "  purista gen bootstrap --target microservice --bridge nats --service user --service email",
            "  purista gen bootstrap --target lambda --dry-run")
        .helpOption())
        .option(target)
        .option(bridge)
        .option(services)
        .build();
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() {
    return changes.run(context, spec, (project, prompter) -> {
      List<String> chosen = services.getValue();
      GenBootstrapRequest request = new GenBootstrapRequest(target.getValue(), bridge.getValue(), chosen);
      ChangeResult result = context.engine().genBootstrap(project, request, changes.writeMode());
      return new ProjectChangeFlow.Outcome(result, "Generated the " + target.getValue() + " target"
          + (target.getValue().equals("all") ? "s" : "") + ". Next: purista build");
    });
  }
}
