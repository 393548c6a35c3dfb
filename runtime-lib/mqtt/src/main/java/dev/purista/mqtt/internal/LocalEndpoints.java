package dev.purista.mqtt.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The endpoints one bridge registered under one address. The broker sees a single subscription for them (two
 * subscriptions with one filter on one connection would replace each other), and this class spreads what arrives:
 * one endpoint in turn, or all of them.
 */
public final class LocalEndpoints<T> {
  private final CopyOnWriteArrayList<T> members = new CopyOnWriteArrayList<>();
  private final AtomicInteger cursor = new AtomicInteger();

  public void add(T member) {
    members.add(member);
  }

  /** Removes {@code member}; {@code true} when none is left. */
  public boolean remove(T member) {
    members.remove(member);
    return members.isEmpty();
  }

  /** The next member in turn, or {@code null} when there is none. */
  public T next() {
    Object[] snapshot = members.toArray();
    if (snapshot.length == 0) {
      return null;
    }
    @SuppressWarnings("unchecked")
    T member = (T) snapshot[Math.floorMod(cursor.getAndIncrement(), snapshot.length)];
    return member;
  }

  public List<T> all() {
    return List.copyOf(members);
  }

  public boolean isEmpty() {
    return members.isEmpty();
  }
}
