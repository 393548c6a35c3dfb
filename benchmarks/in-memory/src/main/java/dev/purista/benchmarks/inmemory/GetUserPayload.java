package dev.purista.benchmarks.inmemory;

import jakarta.validation.constraints.NotNull;

/** The payload of {@code user v1 getUser}: the original's {@code z.object({id: z.string()})}. */
public record GetUserPayload(@NotNull String id) {
}
