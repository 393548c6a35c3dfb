package dev.purista.cli.model;

import java.util.Optional;

/**
 * A queue a service declares: the service's handlers enqueue its jobs, and workers of any service of the project
 * work them. Queue names are unique in the whole project, not only in their service, because a queue bridge keeps
 * jobs by queue name alone: two services declaring {@code mails} would share one queue with two job types.
 *
 * @param name lowerCamel name, unique within the project
 * @param description one line, may be empty
 * @param maxAttempts attempts before a failing job is dead-lettered, or {@code null} for the runtime's default (10)
 */
public record QueueModel(String name, String description, Integer maxAttempts) {
  /**
   * The attempts of a queue that sets none: the runtime's {@code QueueDefinition} default, which the CLI states in
   * its help and in the services catalog. A test holds it to the runtime's value.
   */
  public static final int RUNTIME_DEFAULT_MAX_ATTEMPTS = 10;

  public Optional<Integer> maxAttemptsSetting() {
    return Optional.ofNullable(maxAttempts);
  }
}
