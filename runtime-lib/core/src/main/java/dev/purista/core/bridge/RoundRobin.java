package dev.purista.core.bridge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Endpoints registered under one address; {@link #next()} spreads calls over them in turn. */
final class RoundRobin<T> {
  private final CopyOnWriteArrayList<T> members = new CopyOnWriteArrayList<>();
  private final AtomicInteger cursor = new AtomicInteger();

  void add(T member) {
    members.add(member);
  }

  boolean remove(T member) {
    return members.remove(member);
  }

  /** The next member, or {@code null} when there is none. */
  T next() {
    Object[] snapshot = members.toArray();
    if (snapshot.length == 0) {
      return null;
    }
    @SuppressWarnings("unchecked")
    T member = (T) snapshot[Math.floorMod(cursor.getAndIncrement(), snapshot.length)];
    return member;
  }

  List<T> all() {
    return members;
  }

  boolean isEmpty() {
    return members.isEmpty();
  }
}
