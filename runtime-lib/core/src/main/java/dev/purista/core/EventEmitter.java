package dev.purista.core;

/** Publishes events (PURISTA custom messages) that subscriptions of any service may react to. */
public interface EventEmitter {
  void emit(String eventName, Object payload);
}
