package dev.purista.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

/**
 * The command hierarchy of {@code purista}, declared once, from which a run builds only the commands its
 * arguments name.
 *
 * <p>Why a tree of its own rather than picocli's {@code subcommands}: picocli builds the model of every
 * subcommand before it parses anything. A CLI process lives a fraction of a second, and building eleven commands
 * to run one was a measurable share of it (see {@code docs/benchmarks/cli.md}). So {@code purista add command ...}
 * builds the root, {@code add} and {@code add command} only. Whatever needs to know the other commands gets the
 * whole tree: no subcommand or an unknown one (the error lists or suggests the alternatives), a group without its
 * subcommand (its help lists them), {@code help} and {@code completion}. Each command declares its own model in
 * code ({@link CommandSpecBuilder}); only picocli's {@code help} command is read from its annotations, and only
 * when the whole tree is built.
 */
public final class CommandTree {
  private static final Node ROOT = node("purista", context -> new CommandLine(new PuristaCmd(context).spec()),
      node("new", context -> new CommandLine(new NewCmd().spec()),
          node("project", context -> new CommandLine(new NewProjectCmd(context).spec()))),
      node("add", context -> new CommandLine(new AddCmd().spec()),
          node("service", context -> new CommandLine(new AddServiceCmd(context).spec())),
          node("command", context -> new CommandLine(new AddCommandCmd(context).spec())),
          node("subscription", context -> new CommandLine(new AddSubscriptionCmd(context).spec()))),
      node("gen", context -> new CommandLine(new GenCmd().spec()),
          node("bootstrap", context -> new CommandLine(new GenBootstrapCmd(context).spec()))),
      node("regenerate", context -> new CommandLine(new RegenerateCmd(context).spec())),
      node("upgrade", context -> new CommandLine(new UpgradeCmd(context).spec())),
      node("list", context -> new CommandLine(new ListCmd(context).spec())),
      node("build", context -> new CommandLine(new BuildCmd(context).spec())),
      node("completion", context -> new CommandLine(new CompletionCmd(context).spec())),
      node("help", context -> new CommandLine(new HelpCommand())));

  /** Commands that read the whole tree: help lists the siblings, completion covers every command. */
  private static final Set<String> READ_THE_WHOLE_TREE = Set.of("help", "completion");

  /** The root's options that are valid before any subcommand and do not end the command path. */
  private static final Set<String> INHERITED_FLAGS = Set.of("-x", "--stacktrace");

  private CommandTree() {
  }

  /** Every command. */
  public static CommandLine whole(CliContext context) {
    return build(ROOT, List.of(), 0, context);
  }

  /** The root and the commands that {@code args} name, or the whole tree when the run may need it. */
  public static CommandLine forArguments(CliContext context, String... args) {
    List<Node> path = new ArrayList<>();
    Node current = ROOT;
    for (String arg : args) {
      if (INHERITED_FLAGS.contains(arg)) {
        continue;
      }
      Optional<Node> next = current.child(arg);
      if (next.isEmpty()) {
        break;
      }
      current = next.get();
      if (READ_THE_WHOLE_TREE.contains(current.name())) {
        return whole(context);
      }
      path.add(current);
      if (current.children().isEmpty()) {
        break;
      }
    }
    return path.isEmpty() ? whole(context) : build(ROOT, path, 0, context);
  }

  /**
   * Builds {@code node} with, below it, the next node of {@code path} only, or every child once the path is
   * used up. Children are complete before they join their parent, as with picocli's own annotation processing,
   * so that inherited options such as {@code --stacktrace} reach every level.
   */
  private static CommandLine build(Node node, List<Node> path, int depth, CliContext context) {
    CommandLine command = node.create().apply(context);
    List<Node> children = depth < path.size() ? List.of(path.get(depth)) : node.children();
    List<Node> rest = depth < path.size() ? path : List.of();
    for (Node child : children) {
      command.addSubcommand(child.name(), build(child, rest, depth + 1, context));
    }
    return command;
  }

  private static Node node(String name, Function<CliContext, CommandLine> create, Node... children) {
    return new Node(name, create, List.of(children));
  }

  private record Node(String name, Function<CliContext, CommandLine> create, List<Node> children) {
    Optional<Node> child(String name) {
      return children.stream().filter(child -> child.name().equals(name)).findFirst();
    }
  }
}
