package dev.purista.core.spi;

import dev.purista.core.message.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The transport between services. Services never talk to each other directly, only through a bridge, which is
 * why one service can run in one process with its callers, or on a broker, without changing its code.
 *
 * <p>Every implementation passes the same contract suite ({@code EventBridgeContract} in purista-testkit).
 * The rules it checks:
 * <ul>
 *   <li>{@link #invoke} completes with the receiver's response message, success or error; it fails with a
 *       {@code HandledError} of reason {@code NO_HANDLERS} at once when nobody serves the command, and of reason
 *       {@code TIMEOUT} at the deadline when nobody answers. It never completes with {@code null} and never
 *       hangs.</li>
 *   <li>Instances that register the same command compete: each call goes to one of them.</li>
 *   <li>{@link #emit} delivers an event to every matching subscription: to one instance of a shared one, to each
 *       instance of an unshared one. A success response that carries an event name is delivered to
 *       subscriptions as well.</li>
 *   <li>An endpoint that fails does not stop later deliveries.</li>
 * </ul>
 *
 * <p>Callbacks ({@link CommandEndpoint}, {@link SubscriptionEndpoint}) return futures; a bridge must not run
 * handler code on a broker client's I/O thread, and the service runtime takes care of that by running handlers
 * on its own executor.
 */
public interface EventBridge extends AutoCloseable {

  /** A short name for logs and health reports, such as {@code default} or {@code amqp}. */
  String name();

  /** The id of this process's connection; responses are addressed to it. */
  String instanceId();

  /** The timeout of an {@link #invoke} without an explicit one. PURISTA's default is 30 seconds. */
  Duration defaultCommandTimeout();

  /**
   * Whether answers come from this process, within microseconds, so that a caller should poll for its answer a
   * moment before it sleeps (and saves a thread wake-up). A broker round trip takes far longer than such a poll;
   * polling for it would only burn CPU, hence the default.
   */
  default boolean answersInProcess() {
    return false;
  }

  /**
   * Whether every {@link #invoke} completes by its timeout however the call goes, and no answer can be lost on the
   * way, so that a caller needs no timer of its own against a bridge that never answers. A timer per call costs a
   * task scheduled and cancelled on a queue that all threads share, and often a wake-up of the timer thread; a
   * bridge that cannot promise this keeps the default, and its callers guard each call.
   */
  default boolean timesOutEveryCall() {
    return false;
  }

  /**
   * Whether this bridge holds connections to something outside the process (a broker), which must be closed
   * before a process snapshot (a SnapStart or CRaC checkpoint) and opened again after the restore. The default
   * is the safe answer for any bridge: stopping and starting again costs time but never keeps a dead connection.
   * The in-memory bridge, which has no outside, says no.
   */
  default boolean connectsToABroker() {
    return true;
  }

  /** Connects; blocks until the bridge can serve. Idempotent. */
  void start();

  /**
   * First phase of an application's shutdown: takes no new deliveries from outside this process, while this
   * process's own traffic keeps flowing, until {@link #stop()}. Afterwards:
   * <ul>
   *   <li>commands and events that other processes send are left to the broker (for other instances, or for
   *       this service's next start), not taken and not answered;</li>
   *   <li>{@link #invoke} and {@link #emit} still work, and answers to this process's calls still arrive;</li>
   *   <li>a command this process sends to a command registered in this process is still delivered to it, so
   *       that work in flight that calls another service of the same process gets its answer.</li>
   * </ul>
   *
   * <p>The default does nothing, for a bridge that has no outside (the in-memory bridge) or cannot pause: the
   * services then answer commands from other processes 503 themselves and take their subscriptions off the
   * bridge. Idempotent.
   */
  default void stopAccepting() {
  }

  /** Stops consuming, lets in-flight callbacks finish, then disconnects. Idempotent. */
  void stop();

  @Override
  default void close() {
    stop();
  }

  /** Whether the bridge can take work now (connected and started). */
  boolean isReady();

  /** Whether the bridge works at all; a bridge that is reconnecting is healthy but not ready. */
  boolean isHealthy();

  /**
   * Sends a command and completes with the response. {@code command} must have type {@code command}, a
   * receiver, a sender with instance id and a correlation id.
   */
  CompletableFuture<Message> invoke(Message command, Duration timeout);

  /** Publishes an event (a custom message); completes when the bridge has accepted it. */
  CompletableFuture<Void> emit(Message event);

  /**
   * Starts serving a command with {@code endpoint}; several registrations of one address, in this process or
   * others, compete for calls. Closing the returned registration stops this endpoint only.
   */
  Registration registerCommand(CommandSpec spec, CommandEndpoint endpoint);

  /** Starts delivering matching messages to {@code endpoint}; closing the registration stops it. */
  Registration registerSubscription(SubscriptionSpec spec, SubscriptionEndpoint endpoint);
}
