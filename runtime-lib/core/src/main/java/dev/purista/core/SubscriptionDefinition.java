package dev.purista.core;

import dev.purista.core.message.MessageType;
import dev.purista.core.message.SubscriptionFilter;
import java.util.Optional;

/**
 * An immutable subscription: which messages it receives, how they are delivered, and its handler.
 *
 * <p>Defaults follow PURISTA: shared (one instance of the service handles each message) and durable (delivered
 * at least once where the bridge can persist it). {@link Builder#everyInstance()} delivers to every instance
 * instead, for cache invalidation and the like.
 *
 * <pre>{@code
 * SubscriptionDefinition<UserSignedUp, Void> SEND_WELCOME =
 *     SubscriptionDefinition.builder("sendWelcome", UserSignedUp.class, Void.class)
 *         .event("user.signedUp")
 *         .handler(new SendWelcomeSubscription())
 *         .build();
 * }</pre>
 */
public final class SubscriptionDefinition<P, R> {
  private final String name;
  private final String description;
  private final Class<P> payloadType;
  private final Class<R> outputType;
  private final SubscriptionFilter filter;
  private final boolean shared;
  private final boolean durable;
  private final String emitEventName;
  private final SubscriptionHandler<P, R> handler;

  private SubscriptionDefinition(Builder<P, R> builder) {
    this.name = builder.name;
    this.description = builder.description;
    this.payloadType = builder.payloadType;
    this.outputType = builder.outputType;
    this.filter = builder.filter.build();
    if (filter.eventName() == null && filter.messageType() == null) {
      throw new IllegalArgumentException("subscription " + name + " needs an event name or a message type");
    }
    this.shared = builder.shared;
    boolean info = filter.messageType() != null && filter.messageType().isInfo();
    if (info && Boolean.TRUE.equals(builder.durable)) {
      throw new IllegalArgumentException("subscription " + name + " listens to " + filter.messageType().wireName()
          + " info messages, which no broker keeps; it cannot be durable");
    }
    // Info messages are not kept by the brokers (as in PURISTA), so a subscription to them only hears what is
    // sent while it runs.
    this.durable = builder.durable == null ? !info : builder.durable;
    this.emitEventName = builder.emitEventName;
    this.handler = Checks.checkNotNull(builder.handler, "handler of subscription " + builder.name);
  }

  public static <P, R> Builder<P, R> builder(String name, Class<P> payloadType, Class<R> outputType) {
    return new Builder<>(name, payloadType, outputType);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Class<P> payloadType() {
    return payloadType;
  }

  public Class<R> outputType() {
    return outputType;
  }

  public SubscriptionFilter filter() {
    return filter;
  }

  public boolean shared() {
    return shared;
  }

  public boolean durable() {
    return durable;
  }

  /** The event a non-null handler result is emitted as. */
  public Optional<String> emitEventName() {
    return Optional.ofNullable(emitEventName);
  }

  public SubscriptionHandler<P, R> handler() {
    return handler;
  }

  @Override
  public String toString() {
    return "SubscriptionDefinition[" + name + "]";
  }

  /** Builder of {@link SubscriptionDefinition}, with PURISTA's filter vocabulary. */
  public static final class Builder<P, R> {
    private final String name;
    private final Class<P> payloadType;
    private final Class<R> outputType;
    private final SubscriptionFilter.Builder filter = SubscriptionFilter.builder();
    private String description = "";
    private boolean shared = true;
    /** {@code null} until set: durable, unless the subscription listens to info messages. */
    private Boolean durable;
    private String emitEventName;
    private SubscriptionHandler<P, R> handler;

    private Builder(String name, Class<P> payloadType, Class<R> outputType) {
      this.name = Checks.checkName(name, "subscription name");
      this.payloadType = Checks.checkNotNull(payloadType, "payloadType");
      this.outputType = Checks.checkNotNull(outputType, "outputType");
    }

    public Builder<P, R> description(String value) {
      this.description = Checks.checkNotNull(value, "description");
      return this;
    }

    /** Receives events named {@code eventName} (PURISTA's {@code subscribeToEvent}). */
    public Builder<P, R> event(String eventName) {
      filter.eventName(Checks.checkName(eventName, "event name"));
      return this;
    }

    /** Receives only messages sent by this service (any argument may be {@code null} as a wildcard). */
    public Builder<P, R> sentFrom(String serviceName, String serviceVersion, String serviceTarget) {
      filter.sentFrom(serviceName, serviceVersion, serviceTarget, null);
      return this;
    }

    /** Receives only messages addressed to this receiver (any argument may be {@code null}). */
    public Builder<P, R> receivedBy(String serviceName, String serviceVersion, String serviceTarget) {
      filter.receivedBy(serviceName, serviceVersion, serviceTarget, null);
      return this;
    }

    public Builder<P, R> messageType(MessageType type) {
      filter.messageType(type);
      return this;
    }

    public Builder<P, R> principalId(String value) {
      filter.principalId(value);
      return this;
    }

    public Builder<P, R> tenantId(String value) {
      filter.tenantId(value);
      return this;
    }

    /** Every instance of the service gets each message, instead of one of them. */
    public Builder<P, R> everyInstance() {
      this.shared = false;
      return this;
    }

    public Builder<P, R> durable(boolean value) {
      this.durable = value;
      return this;
    }

    /** Emits a non-null handler result as the event {@code eventName}. */
    public Builder<P, R> emits(String eventName) {
      this.emitEventName = Checks.checkName(eventName, "event name");
      return this;
    }

    public Builder<P, R> handler(SubscriptionHandler<P, R> value) {
      this.handler = Checks.checkNotNull(value, "handler");
      return this;
    }

    public SubscriptionDefinition<P, R> build() {
      return new SubscriptionDefinition<>(this);
    }
  }
}
