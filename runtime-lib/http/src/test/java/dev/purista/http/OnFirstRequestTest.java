package dev.purista.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.purista.http.gateway.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A page made on first request: not before, once only, and again after a failure. */
class OnFirstRequestTest {
  @Test
  void makesThePageOnTheFirstRequestOnly() {
    AtomicInteger made = new AtomicInteger();
    OnFirstRequest page = new OnFirstRequest(() -> {
      made.incrementAndGet();
      return HttpResponse.json(200, "{}".getBytes());
    });
    assertEquals(0, made.get(), "made before anyone asked");
    HttpResponse first = page.get();
    assertSame(first, page.get());
    assertEquals(1, made.get());
  }

  @Test
  void triesAgainAfterAFailure() {
    AtomicInteger calls = new AtomicInteger();
    OnFirstRequest page = new OnFirstRequest(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("first attempt fails");
      }
      return HttpResponse.json(200, "{}".getBytes());
    });
    assertThrows(IllegalStateException.class, page::get);
    assertEquals(200, page.get().status());
    assertEquals(2, calls.get());
  }
}
