package dev.purista.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.core.spi.support.BusyWaiting;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SpinBudgetTest {
  private static final long SPIN = TimeUnit.MILLISECONDS.toNanos(20);

  @Test
  void aSpinnerPollsUntilItsTimeIsUp() {
    AtomicInteger polls = new AtomicInteger();

    assertFalse(new SpinBudget(1, SPIN).spinUntil(() -> polls.incrementAndGet() < 0));

    assertTrue(polls.get() > 1, "it polled " + polls.get() + " times");
  }

  @Test
  void whileAComponentHoldsBusyWaitingOffNobodySpins() {
    AtomicInteger polls = new AtomicInteger();
    SpinBudget budget = new SpinBudget(1, SPIN);

    BusyWaiting.Hold hold = BusyWaiting.holdOff();
    try {
      assertFalse(budget.spinUntil(() -> polls.incrementAndGet() < 0));
      assertEquals(1, polls.get(), "one look, no spinning");
    } finally {
      hold.close();
    }

    assertFalse(BusyWaiting.heldOff());
    polls.set(0);
    budget.spinUntil(() -> polls.incrementAndGet() < 0);
    assertTrue(polls.get() > 1, "spinning again once the hold is released, " + polls.get() + " polls");
  }

  @Test
  void holdsAddUpAndEachIsReleasedOnce() {
    BusyWaiting.Hold first = BusyWaiting.holdOff();
    BusyWaiting.Hold second = BusyWaiting.holdOff();

    first.close();
    first.close();
    assertTrue(BusyWaiting.heldOff(), "the second hold still stands");

    second.close();
    assertFalse(BusyWaiting.heldOff());
  }
}
