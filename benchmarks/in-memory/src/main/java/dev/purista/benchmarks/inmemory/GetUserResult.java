package dev.purista.benchmarks.inmemory;

import jakarta.validation.constraints.NotNull;

/** The output of {@code user v1 getUser}: the original's {@code z.object({id: z.string(), name: z.string()})}. */
public record GetUserResult(@NotNull String id, @NotNull String name) {
}
