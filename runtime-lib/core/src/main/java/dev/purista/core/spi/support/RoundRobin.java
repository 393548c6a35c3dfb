package dev.purista.core.spi.support;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The endpoints one bridge registered under one address, and the turn they take: {@link #next()} spreads calls
 * (or the messages of a shared subscription) over them one after the other, {@link #all()} gives every one. Reads
 * take no lock, because they happen on every message and registrations change rarely.
 */
public final class RoundRobin<T> {
  private final CopyOnWriteArrayList<T> members = new CopyOnWriteArrayList<>();
  private final AtomicInteger cursor = new AtomicInteger();

  /** An empty set of endpoints. */
  public RoundRobin() {
  }

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

  /** Every member; iterating it sees the members of the moment it began, whatever is added or removed meanwhile. */
  public List<T> all() {
    return Collections.unmodifiableList(members);
  }

  public boolean isEmpty() {
    return members.isEmpty();
  }
}
