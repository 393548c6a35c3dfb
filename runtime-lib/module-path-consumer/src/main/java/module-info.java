/** An application as a modular user writes one: it requires the runtime and one bridge, and nothing else. */
module dev.purista.example.modular {
  requires dev.purista.core;
  requires dev.purista.nats;

  // What a modular application adds: Jackson binds the payload and result records reflectively.
  opens dev.purista.example.modular.greeting to com.fasterxml.jackson.databind;
}
