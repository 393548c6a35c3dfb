package dev.purista.mqtt.internal;

import dev.purista.core.message.MessageAddress;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.spi.Registration;
import dev.purista.core.spi.SubscriptionEndpoint;
import dev.purista.core.spi.SubscriptionSpec;
import dev.purista.core.spi.support.InFlight;
import dev.purista.mqtt.MqttBridgeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command and subscription routes of one bridge: which address is served by which route, opening a route on
 * its first registration and closing it with its last, and draining them all on stop. Registration changes are
 * serialised, so that a route is never opened and closed at the same time.
 */
public final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  private final MqttBridgeConfig config;
  private final Topology topology;
  private final WireFormat wire;
  private final ClientFactory clients;
  private final SubscriptionRoute.Settings subscriptionSettings;
  private final Map<MessageAddress, CommandRoute> commands = new HashMap<>();
  private final Map<MessageAddress, SubscriptionRoute> subscriptions = new ConcurrentHashMap<>();
  private final Set<CompletableFuture<Void>> closing = ConcurrentHashMap.newKeySet();
  private final InFlight commandsInFlight = new InFlight();
  private MqttConnection main;
  private Responder responder;
  private ScheduledExecutorService retries;

  public Routes(MqttBridgeConfig config, Topology topology, WireFormat wire, ClientFactory clients) {
    this.config = config;
    this.topology = topology;
    this.wire = wire;
    this.clients = clients;
    this.subscriptionSettings = new SubscriptionRoute.Settings(config.clientId(), config.sessionsResumable(),
        config.nonDurableQos(), config.maxAttempts(), config.retryDelay(), config.eventExpiry(),
        config.defaultCommandTimeout(), config.sharedRenewal());
  }

  /** Serves commands on {@code main}, the bridge's connection for commands and responses, from now on. */
  public synchronized void attach(MqttConnection main) {
    this.main = main;
    this.responder = new Responder(config.instanceId(), topology, wire, main,
        config.defaultCommandTimeout(), config.eventExpiry());
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "purista-mqtt-retries");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    this.retries = timer;
  }

  public synchronized Registration addCommand(MessageAddress address, CommandEndpoint endpoint) {
    CommandRoute route = commands.get(address);
    if (route == null) {
      route = new CommandRoute(address, topology, responder, main, wire, commandsInFlight);
      route.add(endpoint);
      route.open();
      commands.put(address, route);
    } else {
      route.add(endpoint);
    }
    CommandRoute served = route;
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        removeCommand(address, served, endpoint);
      }
    };
  }

  private synchronized void removeCommand(MessageAddress address, CommandRoute route, CommandEndpoint endpoint) {
    if (route.remove(endpoint) && commands.get(address) == route) {
      commands.remove(address);
      route.close();
    }
  }

  public synchronized Registration addSubscription(SubscriptionSpec spec, SubscriptionEndpoint endpoint) {
    SubscriptionRoute route = subscriptions.get(spec.address());
    if (route == null) {
      route = new SubscriptionRoute(spec, topology, wire, clients, subscriptionSettings, retries);
      route.add(endpoint);
      route.open();
      subscriptions.put(spec.address(), route);
    } else {
      if (!route.spec().equals(spec)) {
        LOG.warn("subscription {} is registered again with other settings; the first registration's apply",
            spec.address().describe());
      }
      route.add(endpoint);
    }
    SubscriptionRoute served = route;
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        removeSubscription(served, endpoint);
      }
    };
  }

  private synchronized void removeSubscription(SubscriptionRoute route, SubscriptionEndpoint endpoint) {
    MessageAddress address = route.spec().address();
    if (route.remove(endpoint) && subscriptions.get(address) == route) {
      subscriptions.remove(address);
      CompletableFuture<Void> closed = route.close(config.stopTimeout());
      closing.add(closed);
      closed.whenComplete((done, failure) -> closing.remove(closed));
    }
  }

  /**
   * Takes no new calls or messages: unsubscribes the shared command filters and the subscriptions (a durable
   * subscription whose session is kept stays subscribed, and what it does not take waits in the session for the
   * next process with its client id). Routes stay in place until their registrations close or {@link
   * #drainAndClose}.
   */
  public synchronized void stopAccepting() {
    commands.values().forEach(CommandRoute::close);
    subscriptions.values().forEach(SubscriptionRoute::stopTaking);
  }

  /** Whether every subscription's connection is up (the main connection is the session's to report). */
  public boolean connected() {
    return subscriptions.values().stream().allMatch(SubscriptionRoute::isConnected);
  }

  public boolean alive() {
    return subscriptions.values().stream().allMatch(SubscriptionRoute::isAlive);
  }

  /**
   * Stops every route from taking messages, then waits, within {@code grace} overall, for the commands in flight
   * to be answered and the subscriptions to finish and disconnect.
   */
  public void drainAndClose(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    synchronized (this) {
      commands.values().forEach(CommandRoute::close);
      commands.clear();
      for (SubscriptionRoute route : subscriptions.values()) {
        pending.add(route.close(grace));
      }
      subscriptions.clear();
      pending.addAll(closing);
    }
    pending.add(commandsInFlight.whenIdle());
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      LOG.warn("MQTT bridge: {} commands still in flight after the stop timeout of {} ms", commandsInFlight.count(),
          grace.toMillis());
    } catch (ExecutionException e) {
      LOG.warn("MQTT bridge: closing a route failed: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      retries.shutdownNow();
    }
  }
}
