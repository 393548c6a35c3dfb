package dev.purista.core.telemetry;

/** The names of the metrics purista records through the OpenTelemetry metrics API. */
public final class MetricNames {
  /** Commands run, by service, command and outcome ({@code ok} or the error's status code). */
  public static final String COMMAND_CALLS = "purista.command.calls";
  /** Commands that ended in an error, by service, command and status code. */
  public static final String COMMAND_ERRORS = "purista.command.errors";
  /** How long a command took, in seconds, from its arrival at the pipeline to its response. */
  public static final String COMMAND_DURATION = "purista.command.duration";
  /** Events a subscription handled, by service, subscription and outcome. */
  public static final String SUBSCRIPTION_CALLS = "purista.subscription.calls";
  /** Events a subscription failed on, by service, subscription and status code. */
  public static final String SUBSCRIPTION_ERRORS = "purista.subscription.errors";
  /** How long a subscription handler took, in seconds. */
  public static final String SUBSCRIPTION_DURATION = "purista.subscription.duration";
  /** Handlers of a service running now (commands, subscriptions and queue jobs). */
  public static final String IN_FLIGHT = "purista.handlers.in_flight";
  /** Queue jobs run, by service, worker and outcome. */
  public static final String QUEUE_JOBS = "purista.queue.jobs";
  /** How long a queue job's handler took, in seconds. */
  public static final String QUEUE_JOB_DURATION = "purista.queue.job.duration";
  /** Jobs waiting in a queue, where the queue bridge can tell. */
  public static final String QUEUE_DEPTH = "purista.queue.depth";
  /** Times a broker bridge connected again after losing its connection. */
  public static final String BRIDGE_RECONNECTS = "purista.bridge.reconnects";
  /** Messages a broker delivered again, as far as the bridge can tell. */
  public static final String BRIDGE_REDELIVERIES = "purista.bridge.redeliveries";
  /** Messages a bridge gave up on and moved to a dead-letter queue or subject. */
  public static final String BRIDGE_DEAD_LETTERS = "purista.bridge.dead_letters";

  private MetricNames() {
  }
}
