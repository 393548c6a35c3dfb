package dev.purista.cli.model;

/**
 * A queue worker of a service: works the jobs of one queue of the project, declared by this service or by
 * another one (see {@link QueueModel} for why a name is enough to find it).
 *
 * @param name lowerCamel name, unique among the commands, subscriptions and queue workers of its service
 * @param description one line, may be empty
 * @param queue the name of the queue it works
 */
public record QueueWorkerModel(String name, String description, String queue) {
}
