/** Harnesses for one command or subscription, and the contract suite every event bridge passes. */
module dev.purista.testkit {
  requires transitive dev.purista.core;
  requires transitive org.junit.jupiter.api;

  exports dev.purista.testkit;

  // JUnit runs the contract suite's test methods, and Jackson binds its payload records, reflectively.
  opens dev.purista.testkit to org.junit.platform.commons, com.fasterxml.jackson.databind;
}
