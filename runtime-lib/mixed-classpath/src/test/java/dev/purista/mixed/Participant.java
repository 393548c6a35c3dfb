package dev.purista.mixed;

/**
 * One runtime module's part of the mixed-classpath test: it starts what the module provides against the real
 * thing it talks to and does one round trip through it. A module that joins the runtime adds its dependency to
 * both mixed-classpath poms and one participant to {@link MixedClasspathTest#participants()}.
 */
interface Participant {

  /** Names the dynamic test, such as {@code amqp bridge}. */
  String name();

  /** Starts, does one round trip, stops; fails with what went wrong. */
  void roundTrip() throws Exception;
}
