package dev.purista.http;

import dev.purista.http.gateway.HttpResponse;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A page made the first time it is asked for and then kept: for a page that is costly to make (in memory above
 * all) and that many processes never serve. If making it fails, the next request tries again.
 */
final class OnFirstRequest implements Supplier<HttpResponse> {
  private final Supplier<HttpResponse> make;
  private volatile HttpResponse made;

  OnFirstRequest(Supplier<HttpResponse> make) {
    this.make = Objects.requireNonNull(make, "make == null");
  }

  @Override
  public HttpResponse get() {
    HttpResponse page = made;
    if (page == null) {
      synchronized (this) {
        page = made;
        if (page == null) {
          page = make.get();
          made = page;
        }
      }
    }
    return page;
  }
}
