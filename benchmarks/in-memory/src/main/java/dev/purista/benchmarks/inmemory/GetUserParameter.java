package dev.purista.benchmarks.inmemory;

/** The parameter of {@code user v1 getUser}: the original's empty {@code z.object({})}. */
public record GetUserParameter() {
}
